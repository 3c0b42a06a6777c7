#include "engines/duktape/duktape_heap.h"

#include <malloc.h>

#include <cstdlib>
#include <new>
#include <string>

#include "runner/run/interrupt.h"

extern "C" int settle_duktape_exec_timeout_check(void* heap_udata) {
  return heap_udata != nullptr && static_cast<settle::DuktapeHeap*>(heap_udata)->deadline_passed();
}

namespace settle {

DuktapeHeap::DuktapeHeap() {
  context_ = duk_create_heap(&DuktapeHeap::allocate, &DuktapeHeap::reallocate,
                             &DuktapeHeap::release, this, &DuktapeHeap::fatal);
  if (!context_) throw std::bad_alloc();
}

DuktapeHeap::~DuktapeHeap() {
  limit_ = 0;  // tearing down may allocate a little; never refuse it
  duk_destroy_heap(context_);
}

void DuktapeHeap::arm_memory_limit(std::size_t allowance) {
  out_of_memory_ = false;
  limit_ = in_use_ + allowance;
}

bool DuktapeHeap::deadline_passed() {
  // An interrupted run (SIGINT, SIGTERM) ends the case as if its time were up.
  if (!timed_out_ && (std::chrono::steady_clock::now() >= deadline_ || interrupted())) {
    timed_out_ = true;
  }
  return timed_out_;
}

void* DuktapeHeap::allocate(void* self, duk_size_t size) {
  auto* heap = static_cast<DuktapeHeap*>(self);
  if (heap->limit_ != 0 && heap->in_use_ + size > heap->limit_) {
    heap->out_of_memory_ = true;
    return nullptr;
  }
  void* pointer = std::malloc(size);
  if (pointer) heap->in_use_ += malloc_usable_size(pointer);
  return pointer;
}

void* DuktapeHeap::reallocate(void* self, void* pointer, duk_size_t size) {
  auto* heap = static_cast<DuktapeHeap*>(self);
  std::size_t old_size = pointer ? malloc_usable_size(pointer) : 0;
  if (heap->limit_ != 0 && size > old_size && heap->in_use_ - old_size + size > heap->limit_) {
    heap->out_of_memory_ = true;
    return nullptr;
  }
  void* moved = std::realloc(pointer, size);
  if (moved || size == 0) {
    heap->in_use_ = heap->in_use_ - old_size + (moved ? malloc_usable_size(moved) : 0);
  }
  return moved;
}

void DuktapeHeap::release(void* self, void* pointer) {
  if (!pointer) return;
  static_cast<DuktapeHeap*>(self)->in_use_ -= malloc_usable_size(pointer);
  std::free(pointer);
}

void DuktapeHeap::fatal(void*, const char* message) {
  // Duktape calls this for an error outside every protected call, and it must not return. Duktape
  // is compiled with unwind tables (cmake/duktape.cmake), so the exception crosses its C frames
  // to the engine, which ends the case as an error and abandons the heap.
  throw DuktapeFatalError(std::string("fatal Duktape error: ") +
                          (message ? message : "(no message)"));
}

}  // namespace settle
