#pragma once

#include <chrono>
#include <cstddef>
#include <stdexcept>

#include "duktape.h"

namespace settle {

// A Duktape fatal error: an error outside every protected call. The heap that raised it is left
// in no state to be used or even destroyed; its owner abandons it.
class DuktapeFatalError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A Duktape heap, which serves many cases (each in a fresh realm of its own) until one of them
// faults: its own allocator with a memory cap, and a deadline that the interpreter's
// execution-timeout check enforces (see cmake/duktape.cmake).
class DuktapeHeap {
 public:
  DuktapeHeap();
  ~DuktapeHeap();
  DuktapeHeap(const DuktapeHeap&) = delete;
  DuktapeHeap& operator=(const DuktapeHeap&) = delete;

  duk_context* context() const { return context_; }

  // Lets the heap grow by `allowance` bytes from now on (Duktape must never be refused memory it
  // already holds, so the cap is always above current use).
  void arm_memory_limit(std::size_t allowance);
  void disarm_memory_limit() { limit_ = 0; }
  void set_deadline(std::chrono::steady_clock::time_point deadline) { deadline_ = deadline; }
  void clear_timeout() { timed_out_ = false; }

  bool timed_out() const { return timed_out_; }
  bool out_of_memory() const { return out_of_memory_; }
  std::size_t bytes_in_use() const { return in_use_; }

  // Called by the interpreter every few thousand instructions; true stops the script.
  bool deadline_passed();

 private:
  static void* allocate(void* self, duk_size_t size);
  static void* reallocate(void* self, void* pointer, duk_size_t size);
  static void release(void* self, void* pointer);
  static void fatal(void* self, const char* message);

  duk_context* context_ = nullptr;
  std::size_t in_use_ = 0;
  std::size_t limit_ = 0;  // 0: not armed
  bool out_of_memory_ = false;
  bool timed_out_ = false;
  std::chrono::steady_clock::time_point deadline_ = std::chrono::steady_clock::time_point::max();
};

}  // namespace settle
