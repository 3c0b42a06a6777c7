// engines/duktape/promise.js
//
// ECMAScript Promise (ECMA-262 2025, §27.2) and AggregateError (§20.5.7) for Duktape 2.7, which
// has neither. ES5 syntax only. The file is a single function expression: the adapter evaluates
// it and calls the result with (global, host):
//
//   global            the realm's global object; Promise and AggregateError are installed on it.
//   host.enqueueJob   HostEnqueuePromiseJob: queues a zero-argument function, run later, FIFO.
//   host.slots.record the property key (a Duktape hidden symbol) under which a promise holds the
//                     record of its internal slots [[PromiseState]], [[PromiseResult]],
//                     [[PromiseFulfillReactions]], [[PromiseRejectReactions]], [[PromiseIsHandled]].
//
// It returns { isPromise, state, result } so that the host can observe a promise without
// calling its `then`, and trackRejections(tracker), with which the host receives the calls of
// HostPromiseRejectionTracker (§27.2.1.9).
//
// Every algorithm below follows the numbered steps of the specification; the comment above
// each names its section, and `// 3.` comments carry the step numbers.
//
// How the spec's built-in function objects are made in Duktape
// -------------------------------------------------------------
// An ordinary ES5 function is a constructor and has an own, non-configurable `prototype`
// property that cannot be deleted; the spec's built-in functions that are not constructors
// (then, catch, the resolving functions, the element functions, ...) have neither. In Duktape
// the getter and setter functions of an object literal ARE like that: not constructors (`new`
// throws the realm's TypeError) and with no `prototype`. So every non-constructor built-in
// function here is the getter or setter of an object literal keyed '' (so its own `name` is
// already "", and its `length` is 0 for a getter and 1 for a setter, both non-writable,
// non-enumerable, configurable), called as a plain function, which forwards to the function
// holding the spec's steps. `length` and `name` are redefined where they differ, and Duktape's
// non-standard own `fileName` property is deleted.
//
// Duktape gives every *strict* function own, non-configurable `caller` and `arguments`
// properties (ES5 semantics) which cannot be removed. This outer function is therefore left in
// sloppy mode, and the shells made here in sloppy mode (the constructors Promise and
// AggregateError, and the closures of CreateBuiltinFunction, none of which use `this`) carry
// only `length` and `name`, like the spec's functions. All of the spec's steps live in the
// strict-mode function further down. The methods that read their `this` value (then, catch,
// finally, Promise.all, ..., get [Symbol.species]) must be strict, so that a primitive `this`
// is not boxed: they are the one place where Duktape leaves `caller`/`arguments` own
// properties on a built-in function that the spec would not have. (If the adapter compiled this
// file as strict code, the closures would get them too; nothing else would change.)
//
// Other things Duktape cannot do exactly:
//  - Reflect.construct(Promise, args, NewTarget) with NewTarget !== Promise throws
//    "unsupported" in Duktape, and for `new` on a Proxy of Promise Duktape passes the Proxy's
//    target as new.target. Subclasses still work through `new Promise` + setPrototypeOf, and
//    Get(NewTarget, "prototype") is still done.
//  - IsConstructor is answered with a Proxy `construct` trap (see there); Duktape cannot wrap a
//    Proxy in a Proxy, so a callable Proxy counts as a constructor.
//  - Arrays and strings have no [Symbol.iterator] in Duktape: see "Operations on Iterator
//    Objects" for the stand-in used only when GetMethod(obj, @@iterator) finds nothing.
//  - GetFunctionRealm / job realms: the current realm (each case runs in a realm of its own).
(function (global, host) {
  var ObjectGetOwnPropertyDescriptor = global.Object.getOwnPropertyDescriptor;
  var ObjectDefineProperty = global.Object.defineProperty;
  var ObjectCreate = global.Object.create;

  // The spec's steps for the constructors; assigned by the strict part below.
  var PromiseConstructorSteps;
  var AggregateErrorConstructorSteps;

  // A property descriptor with no prototype, so that ToPropertyDescriptor cannot pick up
  // `get`/`set`/... from Object.prototype.
  function Descriptor(value, writable, enumerable, configurable) {
    var desc = ObjectCreate(null);
    desc.value = value;
    desc.writable = writable;
    desc.enumerable = enumerable;
    desc.configurable = configurable;
    return desc;
  }

  // SetFunctionName / SetFunctionLength (§10.2), for the functions made here: both
  // properties { [[Writable]]: false, [[Enumerable]]: false, [[Configurable]]: true }. Also drops
  // Duktape's own `fileName` property, which the spec's functions do not have. Duktape puts
  // `prototype` between `length` and `name`; deleting both first makes them adjacent, `length`
  // first, as every built-in function has them (test262's Promise/property-order.js).
  function SetBuiltinFunctionProperties(func, length, name) {
    delete func.length;
    delete func.name;
    ObjectDefineProperty(func, 'length', Descriptor(length, false, false, true));
    ObjectDefineProperty(func, 'name', Descriptor(name, false, false, true));
    delete func.fileName;
    return func;
  }

  var LENGTH_2 = Descriptor(2, false, false, true);

  // CreateBuiltinFunction ( behaviour, length, name, additionalInternalSlotsList )  (§10.3)
  // `steps` is the behaviour; `F` is the record of the function's internal slots (or of the
  // values an Abstract Closure captures). The steps receive it as "the active function object",
  // followed by the arguments. Only lengths 0, 1 and 2 occur in §27.2. An accessor keyed ''
  // already has the own properties name "" and length 0 (getter) or 1 (setter), with the
  // spec's attributes; only what differs is redefined.
  function CreateBuiltinFunction(steps, length, name, F) {
    var func;
    if (length === 0) {
      func = ObjectGetOwnPropertyDescriptor({ get ''() { return steps(F); } }, '').get;
    } else if (length === 1) {
      func = ObjectGetOwnPropertyDescriptor({ set ''(a) { return steps(F, a); } }, '').set;
    } else {
      func = ObjectGetOwnPropertyDescriptor({ get ''() { return steps(F, arguments[0], arguments[1]); } }, '').get;
      ObjectDefineProperty(func, 'length', length === 2 ? LENGTH_2 : Descriptor(length, false, false, true));
    }
    if (name !== '') ObjectDefineProperty(func, 'name', Descriptor(name, false, false, true));
    delete func.fileName;
    return func;
  }

  // 27.2.3.1 Promise ( executor ) -- the shell; the steps are PromiseConstructorSteps.
  function Promise(executor) {
    return PromiseConstructorSteps(new.target, executor);
  }

  // 20.5.7.1.1 AggregateError ( errors, message [ , options ] ) -- the shell.
  function AggregateError(errors, message) {
    return AggregateErrorConstructorSteps(new.target, errors, message, arguments[2]);
  }

  return (function () {
    'use strict';

    // -------------------------------------------------------------------------------------
    // Intrinsics, captured now so that later changes to the globals do not reach them.
    // -------------------------------------------------------------------------------------
    var ObjectConstructor = global.Object;
    var ObjectSetPrototypeOf = ObjectConstructor.setPrototypeOf;
    var ArrayIsArray = global.Array.isArray;
    var ReflectApply = global.Reflect.apply;
    var ProxyConstructor = global.Proxy;
    var ErrorConstructor = global.Error;
    var ErrorPrototype = ErrorConstructor.prototype;
    var TypeErrorConstructor = global.TypeError;
    var StringConstructor = global.String;
    var StringCharCodeAt = StringConstructor.prototype.charCodeAt;
    var StringSubstring = StringConstructor.prototype.substring;
    var NumberConstructor = global.Number;
    var MathFloor = global.Math.floor;
    var SymbolConstructor = global.Symbol;

    // The keys of the promise internal slots.
    // The internal slots of a promise live in one record, held under the host's hidden symbol:
    // a record, not one property per slot, because Duktape's Object.freeze freezes hidden-symbol
    // properties too, and freezing a promise must not freeze its slots.
    var SLOTS = host.slots.record;

    // Well-known symbols. Duktape 2.7 has Symbol.iterator and Symbol.toStringTag but no
    // Symbol.species: install it (20.4.2.13: { [[Writable]]: false, [[Enumerable]]: false,
    // [[Configurable]]: false }).
    var SymbolIterator = SymbolConstructor ? SymbolConstructor.iterator : undefined;
    var SymbolToStringTag = SymbolConstructor ? SymbolConstructor.toStringTag : undefined;
    var SymbolSpecies = SymbolConstructor ? SymbolConstructor.species : undefined;
    if (SymbolConstructor && typeof SymbolSpecies !== 'symbol') {
      SymbolSpecies = SymbolConstructor('Symbol.species');
      ObjectDefineProperty(SymbolConstructor, 'species', Descriptor(SymbolSpecies, false, false, false));
    }

    // Spec values that are not ECMAScript values.
    var EMPTY = ObjectCreate(null);   // ~empty~
    var DONE = ObjectCreate(null);    // ~done~, the result of IteratorStepValue at the end

    // -------------------------------------------------------------------------------------
    // Abstract operations of chapter 7 that §27.2 uses.
    // -------------------------------------------------------------------------------------

    // "is an Object" (§6.1)
    function IsObject(x) {
      return (typeof x === 'object' && x !== null) || typeof x === 'function';
    }

    // IsCallable ( argument )  (§7.2)
    function IsCallable(argument) {
      return typeof argument === 'function';
    }

    // IsConstructor ( argument )  (§7.2)
    // Duktape cannot ask for [[Construct]] directly and its Reflect.construct does not accept
    // a newTarget other than the target. A Proxy is a constructor exactly when its target is,
    // and a Proxy with a `construct` trap answers `new` without calling the target, so `new` on
    // such a Proxy tells, with no observable effect. Duktape cannot make a Proxy of a Proxy: a
    // callable Proxy is taken to be a constructor (Construct then throws the TypeError).
    var IsConstructorProbeHandler = ObjectCreate(null);
    IsConstructorProbeHandler.construct = function () { return IsConstructorProbeHandler; };
    function IsConstructor(argument) {
      // 1. If argument is not an Object, return false.
      if (!IsObject(argument)) return false;
      if (argument === Promise) return true;
      if (!IsCallable(argument)) return false;
      // 2. If argument has a [[Construct]] internal method, return true.
      // 3. Return false.
      var probe;
      try {
        probe = new ProxyConstructor(argument, IsConstructorProbeHandler);
      } catch (e) {
        return true;
      }
      try {
        new probe();
        return true;
      } catch (e) {
        return false;
      }
    }

    // SameValue ( x, y )  (§7.2)
    function SameValue(x, y) {
      if (typeof x !== typeof y) return false;
      if (typeof x === 'number') {
        if (x !== x) return y !== y;
        if (x === 0 && y === 0) return 1 / x === 1 / y;
      }
      return x === y;
    }

    // ToString ( argument )  (§7.1)
    function ToString(argument) {
      if (typeof argument === 'symbol') throw new TypeErrorConstructor('Cannot convert a Symbol value to a string');
      return StringConstructor(argument);
    }

    // ToLength ( argument )  (§7.1)
    function ToLength(argument) {
      var len = NumberConstructor(argument);   // ToIntegerOrInfinity
      if (len !== len || len <= 0) return 0;
      len = MathFloor(len);
      return len < 9007199254740991 ? len : 9007199254740991;
    }

    // CreateDataProperty / CreateDataPropertyOrThrow ( O, P, V )  (§7.3)
    function CreateDataPropertyOrThrow(O, P, V) {
      ObjectDefineProperty(O, P, Descriptor(V, true, true, true));
      return true;
    }

    // GetMethod ( V, P )  (§7.3)
    function GetMethod(V, P) {
      // 1. Let func be ? GetV(V, P).
      var func = V[P];
      // 2. If func is either undefined or null, return undefined.
      if (func === undefined || func === null) return undefined;
      // 3. If IsCallable(func) is false, throw a TypeError exception.
      if (!IsCallable(func)) throw new TypeErrorConstructor(ToDisplayString(P) + ' is not a function');
      // 4. Return func.
      return func;
    }

    // Call ( F, V [ , argumentsList ] )  (§7.3)
    function Call(F, V, argumentsList) {
      // 1. If argumentsList is not present, set argumentsList to a new empty List.
      if (argumentsList === undefined) argumentsList = [];
      // 2. If IsCallable(F) is false, throw a TypeError exception.
      if (!IsCallable(F)) throw new TypeErrorConstructor(typeof F + ' is not a function');
      // 3. Return ? F.[[Call]](V, argumentsList).
      // (With V undefined a direct call is the same [[Call]] and keeps Duktape off the C stack.)
      if (V === undefined) {
        switch (argumentsList.length) {
          case 0: return F();
          case 1: return F(argumentsList[0]);
          case 2: return F(argumentsList[0], argumentsList[1]);
          default: break;
        }
      }
      return ReflectApply(F, V, argumentsList);
    }

    // Invoke ( V, P [ , argumentsList ] )  (§7.3)
    function Invoke(V, P, argumentsList) {
      // 1. If argumentsList is not present, set argumentsList to a new empty List.
      // 2. Let func be ? GetV(V, P).
      var func = V[P];
      // 3. Return ? Call(func, V, argumentsList).
      return Call(func, V, argumentsList);
    }

    // 7.3.22 SpeciesConstructor ( O, defaultConstructor )
    function SpeciesConstructor(O, defaultConstructor) {
      // 1. Let C be ? Get(O, "constructor").
      var C = O.constructor;
      // 2. If C is undefined, return defaultConstructor.
      if (C === undefined) return defaultConstructor;
      // 3. If C is not an Object, throw a TypeError exception.
      if (!IsObject(C)) throw new TypeErrorConstructor('object.constructor is not an object');
      // 4. Let S be ? Get(C, %Symbol.species%).
      var S = C[SymbolSpecies];
      // 5. If S is either undefined or null, return defaultConstructor.
      if (S === undefined || S === null) return defaultConstructor;
      // 6. If IsConstructor(S) is true, return S.
      if (IsConstructor(S)) return S;
      // 7. Throw a TypeError exception.
      throw new TypeErrorConstructor('object.constructor[Symbol.species] is not a constructor');
    }

    // CreateArrayFromList ( elements )  (§7.3)
    function CreateArrayFromList(elements) {
      // 1. Let array be ! ArrayCreate(0).
      var array = [];
      // 2. Let n be 0.
      // 3. For each element e of elements, do
      for (var n = 0; n < elements.length; n++) {
        // a. Perform ! CreateDataPropertyOrThrow(array, ! ToString(𝔽(n)), e).
        // b. Set n to n + 1.
        CreateDataPropertyOrThrow(array, n, elements[n]);
      }
      // 4. Return array.
      return array;
    }

    // GetPrototypeFromConstructor ( constructor, intrinsicDefaultProto )  (§10.1)
    function GetPrototypeFromConstructor(constructor, intrinsicDefaultProto) {
      // 1. Assert: IsCallable(constructor) is true.
      // 2. Let proto be ? Get(constructor, "prototype").
      var proto = constructor.prototype;
      // 3. If proto is not an Object, then
      if (!IsObject(proto)) {
        // a. Let realm be ? GetFunctionRealm(constructor).
        // b. Set proto to realm's intrinsic object named intrinsicDefaultProto.
        //    (One realm per Duktape heap here: the intrinsic is this realm's.)
        proto = intrinsicDefaultProto;
      }
      // 4. Return proto.
      return proto;
    }

    // Lists (6.2.2) are kept in objects without a prototype, never in Arrays, so that a setter
    // on Array.prototype or Object.prototype cannot observe them.
    function NewList() {
      var list = ObjectCreate(null);
      list.length = 0;
      return list;
    }
    function ListAppend(list, value) {
      list[list.length] = value;
      list.length = list.length + 1;
    }

    // For error messages only.
    function ToDisplayString(value) {
      if (typeof value === 'symbol') return 'Symbol()';
      if (typeof value === 'string') return value;
      return typeof value;
    }

    // -------------------------------------------------------------------------------------
    // Operations on Iterator Objects (§7.4)
    //
    // Duktape 2.7 defines Symbol.iterator, but its built-ins implement no iterator: arrays and
    // strings have no [Symbol.iterator] method. GetIterator therefore does the spec's
    // GetMethod(obj, @@iterator) first, and uses any method it finds; only when that gives
    // undefined AND obj is an Array (IsArray) or a String value does it stand in the iterator
    // the spec's %Array.prototype.values% / %String.prototype[@@iterator]% would return
    // (§23.1.5.1 CreateArrayIterator, kind value; §22.1.3 String.prototype [ %Symbol.iterator% ]).
    // Those read `length` and the elements one step at a time, as the spec's do. Other
    // objects without the method (arguments objects, typed arrays, String objects) are not
    // iterable here: TypeError.
    // -------------------------------------------------------------------------------------

    // Iterator Records: { [[Iterator]], [[NextMethod]], [[Done]] }  (§7.4)
    function IteratorRecord(iterator, nextMethod) {
      return { Iterator: iterator, NextMethod: nextMethod, Done: false };
    }

    // GetIteratorFromMethod ( obj, method )  (§7.4)
    function GetIteratorFromMethod(obj, method) {
      // 1. Let iterator be ? Call(method, obj).
      var iterator = Call(method, obj, []);
      // 2. If iterator is not an Object, throw a TypeError exception.
      if (!IsObject(iterator)) throw new TypeErrorConstructor('Result of the Symbol.iterator method is not an object');
      // 3. Let nextMethod be ? Get(iterator, "next").
      var nextMethod = iterator.next;
      // 4. Let iteratorRecord be the Iterator Record { [[Iterator]]: iterator, [[NextMethod]]: nextMethod, [[Done]]: false }.
      // 5. Return iteratorRecord.
      return IteratorRecord(iterator, nextMethod);
    }

    // GetIterator ( obj, kind ), kind sync  (§7.4)
    function GetIterator(obj) {
      // 1. (async) -- not used by §27.2.
      // 2. Else, let method be ? GetMethod(obj, %Symbol.iterator%).
      var method = SymbolIterator !== undefined ? GetMethod(obj, SymbolIterator) : undefined;
      // 3. If method is undefined, throw a TypeError exception.
      if (method === undefined) {
        // Duktape: the stand-in for the built-in iterators (see above).
        if (typeof obj === 'string') return CreateStringIteratorRecord(obj);
        if (IsObject(obj) && ArrayIsArray(obj)) return CreateArrayIteratorRecord(obj);
        throw new TypeErrorConstructor(ToDisplayString(obj) + ' is not iterable');
      }
      // 4. Return ? GetIteratorFromMethod(obj, method).
      return GetIteratorFromMethod(obj, method);
    }

    // IteratorNext ( iteratorRecord [ , value ] )  (§7.4)
    function IteratorNext(iteratorRecord) {
      var result;
      // 1. If value is not present, then
      //    a. Let result be Completion(Call(iteratorRecord.[[NextMethod]], iteratorRecord.[[Iterator]])).
      // 2. (value present) -- not used by §27.2.
      try {
        result = Call(iteratorRecord.NextMethod, iteratorRecord.Iterator, []);
      } catch (e) {
        // 3. If result is a throw completion, then
        //    a. Set iteratorRecord.[[Done]] to true.
        //    b. Return ? result.
        iteratorRecord.Done = true;
        throw e;
      }
      // 4. Set result to ! result.
      // 5. If result is not an Object, then
      if (!IsObject(result)) {
        // a. Set iteratorRecord.[[Done]] to true.
        iteratorRecord.Done = true;
        // b. Throw a TypeError exception.
        throw new TypeErrorConstructor('Iterator result ' + ToDisplayString(result) + ' is not an object');
      }
      // 6. Return result.
      return result;
    }

    // IteratorComplete ( iteratorResult )  (§7.4)
    function IteratorComplete(iteratorResult) {
      // 1. Return ToBoolean(? Get(iteratorResult, "done")).
      return !!iteratorResult.done;
    }

    // IteratorValue ( iteratorResult )  (§7.4)
    function IteratorValue(iteratorResult) {
      // 1. Return ? Get(iteratorResult, "value").
      return iteratorResult.value;
    }

    // IteratorStep ( iteratorRecord )  (§7.4)
    function IteratorStep(iteratorRecord) {
      // 1. Let result be ? IteratorNext(iteratorRecord).
      var result = IteratorNext(iteratorRecord);
      // 2. Let done be Completion(IteratorComplete(result)).
      var done;
      try {
        done = IteratorComplete(result);
      } catch (e) {
        // 3. If done is a throw completion, then
        //    a. Set iteratorRecord.[[Done]] to true.
        //    b. Return ? done.
        iteratorRecord.Done = true;
        throw e;
      }
      // 4. Set done to ! done.
      // 5. If done is true, then
      if (done === true) {
        // a. Set iteratorRecord.[[Done]] to true.
        iteratorRecord.Done = true;
        // b. Return done.
        return DONE;
      }
      // 6. Return result.
      return result;
    }

    // IteratorStepValue ( iteratorRecord )  (§7.4)
    function IteratorStepValue(iteratorRecord) {
      // 1. Let result be ? IteratorStep(iteratorRecord).
      var result = IteratorStep(iteratorRecord);
      // 2. If result is done, then
      //    a. Return done.
      if (result === DONE) return DONE;
      // 3. Let value be Completion(IteratorValue(result)).
      try {
        return IteratorValue(result);
      } catch (e) {
        // 4. If value is a throw completion, then
        //    a. Set iteratorRecord.[[Done]] to true.
        iteratorRecord.Done = true;
        // 5. Return ? value.
        throw e;
      }
    }

    // IteratorClose ( iteratorRecord, completion )  (§7.4), for a throw completion (the only kind
    // §27.2 passes): whatever GetMethod / Call of `return` do, the result is `completion`.
    function IteratorCloseWithThrow(iteratorRecord, completionValue) {
      // 1. Assert: iteratorRecord.[[Iterator]] is an Object.
      // 2. Let iterator be iteratorRecord.[[Iterator]].
      var iterator = iteratorRecord.Iterator;
      try {
        // 3. Let innerResult be Completion(GetMethod(iterator, "return")).
        var returnMethod = GetMethod(iterator, 'return');
        // 4. If innerResult is a normal completion, then
        //    a. Let return be innerResult.[[Value]].
        //    b. If return is undefined, return ? completion.
        //    c. Set innerResult to Completion(Call(return, iterator)).
        if (returnMethod !== undefined) Call(returnMethod, iterator, []);
      } catch (e) {
        // (innerResult is a throw completion: step 5 still returns completion.)
      }
      // 5. If completion is a throw completion, return ? completion.
      return completionValue;
    }

    // IteratorToList ( iteratorRecord )  (§7.4)
    function IteratorToList(iteratorRecord) {
      // 1. Let values be a new empty List.
      var values = NewList();
      // 2. Repeat,
      for (;;) {
        // a. Let next be ? IteratorStepValue(iteratorRecord).
        var next = IteratorStepValue(iteratorRecord);
        // b. If next is done, then return values.
        if (next === DONE) return values;
        // c. Append next to values.
        ListAppend(values, next);
      }
    }

    // CreateIterResultObject ( value, done )  (§7.4)
    function CreateIterResultObject(value, done) {
      // 1. Let obj be OrdinaryObjectCreate(%Object.prototype%).
      // 2. Perform ! CreateDataPropertyOrThrow(obj, "value", value).
      // 3. Perform ! CreateDataPropertyOrThrow(obj, "done", done).
      // 4. Return obj.
      return { value: value, done: done };
    }

    // Stand-in for %Array.prototype.values% (23.1.5.1 CreateArrayIterator ( array, value )).
    // The iterator object inherits from Object.prototype, as %ArrayIteratorPrototype% does
    // through %Iterator.prototype%, so IteratorClose sees the same `return` (none, normally).
    function CreateArrayIteratorRecord(array) {
      var index = 0;
      var finished = false;
      var iterator = {};
      var next = function () {
        // 23.1.5.1 closure, kind value:
        if (finished) return CreateIterResultObject(undefined, true);
        // a.ii. Let len be ? LengthOfArrayLike(array).
        var len = ToLength(array.length);
        // a.iii. If index ≥ len, return NormalCompletion(undefined).
        if (index >= len) {
          finished = true;
          return CreateIterResultObject(undefined, true);
        }
        // a.iv. Let indexNumber be 𝔽(index).
        // a.vi. Let result be ? Get(array, ! ToString(indexNumber)).
        var result = array[index];
        // a.vii. Perform ? GeneratorYield(CreateIterResultObject(result, false)).
        // a.viii. Set index to index + 1.
        index = index + 1;
        return CreateIterResultObject(result, false);
      };
      return IteratorRecord(iterator, next);
    }

    // Stand-in for %String.prototype[@@iterator]% (22.1.5.1): iterates code points.
    function CreateStringIteratorRecord(s) {
      var position = 0;
      var len = s.length;
      var iterator = {};
      var next = function () {
        // b. Repeat, while position < len,
        if (position >= len) return CreateIterResultObject(undefined, true);
        // i. Let cp be CodePointAt(s, position).
        var cuCount = 1;
        var first = ReflectApply(StringCharCodeAt, s, [position]);
        if (first >= 0xD800 && first <= 0xDBFF && position + 1 < len) {
          var second = ReflectApply(StringCharCodeAt, s, [position + 1]);
          if (second >= 0xDC00 && second <= 0xDFFF) cuCount = 2;
        }
        // ii. Let nextIndex be position + cp.[[CodeUnitCount]].
        var nextIndex = position + cuCount;
        // iii. Let resultString be the substring of s from position to nextIndex.
        var resultString = ReflectApply(StringSubstring, s, [position, nextIndex]);
        // iv. Set position to nextIndex.
        position = nextIndex;
        // v. Perform ? GeneratorYield(CreateIterResultObject(resultString, false)).
        return CreateIterResultObject(resultString, false);
      };
      return IteratorRecord(iterator, next);
    }

    // -------------------------------------------------------------------------------------
    // 27.2.1 Promise Abstract Operations
    // -------------------------------------------------------------------------------------

    // 27.2.1.1 PromiseCapability Records: { [[Promise]], [[Resolve]], [[Reject]] }
    // 27.2.1.2 PromiseReaction Records: { [[Capability]], [[Type]], [[Handler]] }

    // 27.2.1.1.1 IfAbruptRejectPromise ( value, capability ), for an abrupt value:
    function IfAbruptRejectPromise(abruptValue, capability) {
      // a. Perform ? Call(capability.[[Reject]], undefined, « value.[[Value]] »).
      Call(capability.Reject, undefined, [abruptValue]);
      // b. Return capability.[[Promise]].
      return capability.Promise;
    }

    // 27.2.1.3 CreateResolvingFunctions ( promise )
    function CreateResolvingFunctions(promise) {
      // 1. Let alreadyResolved be the Record { [[Value]]: false }.
      var alreadyResolved = { Value: false };
      // 2. Let stepsResolve be the algorithm steps defined in Promise Resolve Functions.
      // 3. Let lengthResolve be the number of non-optional parameters of the function definition in Promise Resolve Functions.
      // 4. Let resolve be CreateBuiltinFunction(stepsResolve, lengthResolve, "", « [[Promise]], [[AlreadyResolved]] »).
      var resolveSlots = { Promise: undefined, AlreadyResolved: undefined };
      var resolve = CreateBuiltinFunction(PromiseResolveFunctions, 1, '', resolveSlots);
      // 5. Set resolve.[[Promise]] to promise.
      resolveSlots.Promise = promise;
      // 6. Set resolve.[[AlreadyResolved]] to alreadyResolved.
      resolveSlots.AlreadyResolved = alreadyResolved;
      // 7. Let stepsReject be the algorithm steps defined in Promise Reject Functions.
      // 8. Let lengthReject be the number of non-optional parameters of the function definition in Promise Reject Functions.
      // 9. Let reject be CreateBuiltinFunction(stepsReject, lengthReject, "", « [[Promise]], [[AlreadyResolved]] »).
      var rejectSlots = { Promise: undefined, AlreadyResolved: undefined };
      var reject = CreateBuiltinFunction(PromiseRejectFunctions, 1, '', rejectSlots);
      // 10. Set reject.[[Promise]] to promise.
      rejectSlots.Promise = promise;
      // 11. Set reject.[[AlreadyResolved]] to alreadyResolved.
      rejectSlots.AlreadyResolved = alreadyResolved;
      // 12. Return the Record { [[Resolve]]: resolve, [[Reject]]: reject }.
      return { Resolve: resolve, Reject: reject };
    }

    // 27.2.1.3.1 Promise Reject Functions ( reason )
    function PromiseRejectFunctions(F, reason) {
      // 1. Let F be the active function object.
      // 2. Assert: F has a [[Promise]] internal slot whose value is an Object.
      // 3. Let promise be F.[[Promise]].
      var promise = F.Promise;
      // 4. Let alreadyResolved be F.[[AlreadyResolved]].
      var alreadyResolved = F.AlreadyResolved;
      // 5. If alreadyResolved.[[Value]] is true, return undefined.
      if (alreadyResolved.Value === true) return undefined;
      // 6. Set alreadyResolved.[[Value]] to true.
      alreadyResolved.Value = true;
      // 7. Perform RejectPromise(promise, reason).
      RejectPromise(promise, reason);
      // 8. Return undefined.
      return undefined;
    }

    // 27.2.1.3.2 Promise Resolve Functions ( resolution )
    function PromiseResolveFunctions(F, resolution) {
      // 1. Let F be the active function object.
      // 2. Assert: F has a [[Promise]] internal slot whose value is an Object.
      // 3. Let promise be F.[[Promise]].
      var promise = F.Promise;
      // 4. Let alreadyResolved be F.[[AlreadyResolved]].
      var alreadyResolved = F.AlreadyResolved;
      // 5. If alreadyResolved.[[Value]] is true, return undefined.
      if (alreadyResolved.Value === true) return undefined;
      // 6. Set alreadyResolved.[[Value]] to true.
      alreadyResolved.Value = true;
      // 7. If SameValue(resolution, promise) is true, then
      if (SameValue(resolution, promise)) {
        // a. Let selfResolutionError be a newly created TypeError object.
        var selfResolutionError = new TypeErrorConstructor('Chaining cycle detected for promise');
        // b. Perform RejectPromise(promise, selfResolutionError).
        RejectPromise(promise, selfResolutionError);
        // c. Return undefined.
        return undefined;
      }
      // 8. If resolution is not an Object, then
      if (!IsObject(resolution)) {
        // a. Perform FulfillPromise(promise, resolution).
        FulfillPromise(promise, resolution);
        // b. Return undefined.
        return undefined;
      }
      // 9. Let then be Completion(Get(resolution, "then")).
      var then;
      try {
        then = resolution.then;
      } catch (e) {
        // 10. If then is an abrupt completion, then
        //     a. Perform RejectPromise(promise, then.[[Value]]).
        RejectPromise(promise, e);
        //     b. Return undefined.
        return undefined;
      }
      // 11. Let thenAction be then.[[Value]].
      var thenAction = then;
      // 12. If IsCallable(thenAction) is false, then
      if (!IsCallable(thenAction)) {
        // a. Perform FulfillPromise(promise, resolution).
        FulfillPromise(promise, resolution);
        // b. Return undefined.
        return undefined;
      }
      // 13. Let thenJobCallback be HostMakeJobCallback(thenAction).
      var thenJobCallback = HostMakeJobCallback(thenAction);
      // 14. Let job be NewPromiseResolveThenableJob(promise, resolution, thenJobCallback).
      var job = NewPromiseResolveThenableJob(promise, resolution, thenJobCallback);
      // 15. Perform HostEnqueuePromiseJob(job.[[Job]], job.[[Realm]]).
      HostEnqueuePromiseJob(job.Job, job.Realm);
      // 16. Return undefined.
      return undefined;
    }

    // 27.2.1.4 FulfillPromise ( promise, value )
    function FulfillPromise(promise, value) {
      // 1. Assert: The value of promise.[[PromiseState]] is pending.
      // 2. Let reactions be promise.[[PromiseFulfillReactions]].
      var reactions = promise[SLOTS].fulfillReactions;
      // 3. Set promise.[[PromiseResult]] to value.
      promise[SLOTS].result = value;
      // 4. Set promise.[[PromiseFulfillReactions]] to undefined.
      promise[SLOTS].fulfillReactions = undefined;
      // 5. Set promise.[[PromiseRejectReactions]] to undefined.
      promise[SLOTS].rejectReactions = undefined;
      // 6. Set promise.[[PromiseState]] to fulfilled.
      promise[SLOTS].state = 'fulfilled';
      // 7. Perform TriggerPromiseReactions(reactions, value).
      TriggerPromiseReactions(reactions, value);
      // 8. Return unused.
    }

    // 27.2.1.5 NewPromiseCapability ( C )
    function NewPromiseCapability(C) {
      // 1. If IsConstructor(C) is false, throw a TypeError exception.
      if (!IsConstructor(C)) throw new TypeErrorConstructor('Promise capability: ' + ToDisplayString(C) + ' is not a constructor');
      // 2. NOTE: C is assumed to be a constructor function that supports the parameter conventions of the Promise constructor (see 27.2.3.1).
      // 3. Let resolvingFunctions be the Record { [[Resolve]]: undefined, [[Reject]]: undefined }.
      var resolvingFunctions = { Resolve: undefined, Reject: undefined };
      // 4. Let executorClosure be a new Abstract Closure with parameters (resolve, reject) that captures resolvingFunctions and performs the following steps when called:
      //    (GetCapabilitiesExecutorClosure, below)
      // 5. Let executor be CreateBuiltinFunction(executorClosure, 2, "", « »).
      var executor = CreateBuiltinFunction(GetCapabilitiesExecutorClosure, 2, '', resolvingFunctions);
      // 6. Let promise be ? Construct(C, « executor »).
      var promise = new C(executor);
      // 7. If IsCallable(resolvingFunctions.[[Resolve]]) is false, throw a TypeError exception.
      if (!IsCallable(resolvingFunctions.Resolve)) throw new TypeErrorConstructor('Promise resolve function is not callable');
      // 8. If IsCallable(resolvingFunctions.[[Reject]]) is false, throw a TypeError exception.
      if (!IsCallable(resolvingFunctions.Reject)) throw new TypeErrorConstructor('Promise reject function is not callable');
      // 9. Return the PromiseCapability Record { [[Promise]]: promise, [[Resolve]]: resolvingFunctions.[[Resolve]], [[Reject]]: resolvingFunctions.[[Reject]] }.
      return { Promise: promise, Resolve: resolvingFunctions.Resolve, Reject: resolvingFunctions.Reject };
    }

    // 27.2.1.5 step 4: executorClosure ( resolve, reject ), capturing resolvingFunctions
    function GetCapabilitiesExecutorClosure(resolvingFunctions, resolve, reject) {
      // a. If resolvingFunctions.[[Resolve]] is not undefined, throw a TypeError exception.
      if (resolvingFunctions.Resolve !== undefined) throw new TypeErrorConstructor('Promise executor has already been invoked with a resolve function');
      // b. If resolvingFunctions.[[Reject]] is not undefined, throw a TypeError exception.
      if (resolvingFunctions.Reject !== undefined) throw new TypeErrorConstructor('Promise executor has already been invoked with a reject function');
      // c. Set resolvingFunctions.[[Resolve]] to resolve.
      resolvingFunctions.Resolve = resolve;
      // d. Set resolvingFunctions.[[Reject]] to reject.
      resolvingFunctions.Reject = reject;
      // e. Return NormalCompletion(undefined).
      return undefined;
    }

    // 27.2.1.6 IsPromise ( x )
    function IsPromise(x) {
      // 1. If x is not an Object, return false.
      if (!IsObject(x)) return false;
      // 2. If x does not have a [[PromiseState]] internal slot, return false.
      //    (An own property check: hidden symbols are not forwarded to a Proxy's target.)
      if (ObjectGetOwnPropertyDescriptor(x, SLOTS) === undefined) return false;
      // 3. Return true.
      return true;
    }

    // 27.2.1.7 RejectPromise ( promise, reason )
    function RejectPromise(promise, reason) {
      // 1. Assert: The value of promise.[[PromiseState]] is pending.
      // 2. Let reactions be promise.[[PromiseRejectReactions]].
      var reactions = promise[SLOTS].rejectReactions;
      // 3. Set promise.[[PromiseResult]] to reason.
      promise[SLOTS].result = reason;
      // 4. Set promise.[[PromiseFulfillReactions]] to undefined.
      promise[SLOTS].fulfillReactions = undefined;
      // 5. Set promise.[[PromiseRejectReactions]] to undefined.
      promise[SLOTS].rejectReactions = undefined;
      // 6. Set promise.[[PromiseState]] to rejected.
      promise[SLOTS].state = 'rejected';
      // 7. If promise.[[PromiseIsHandled]] is false, perform HostPromiseRejectionTracker(promise, "reject").
      if (promise[SLOTS].isHandled === false) HostPromiseRejectionTracker(promise, 'reject');
      // 8. Perform TriggerPromiseReactions(reactions, reason).
      TriggerPromiseReactions(reactions, reason);
      // 9. Return unused.
    }

    // 27.2.1.8 TriggerPromiseReactions ( reactions, argument )
    function TriggerPromiseReactions(reactions, argument) {
      // 1. For each element reaction of reactions, do
      for (var i = 0; i < reactions.length; i++) {
        // a. Let job be NewPromiseReactionJob(reaction, argument).
        var job = NewPromiseReactionJob(reactions[i], argument);
        // b. Perform HostEnqueuePromiseJob(job.[[Job]], job.[[Realm]]).
        HostEnqueuePromiseJob(job.Job, job.Realm);
      }
      // 2. Return unused.
    }

    // 27.2.1.9 HostPromiseRejectionTracker ( promise, operation )
    // A host-defined operation; §27.2.1.9 requires of every implementation that it complete
    // normally (it throws nothing) and, so that the host can tell unhandled rejections, be called
    // with "reject" by RejectPromise (§27.2.1.7 step 7) and with "handle" by PerformPromiseThen
    // (§27.2.5.4.1 step 11.c), each time only while [[PromiseIsHandled]] is false. settle's host
    // is HTML's: its steps (HTML §8.1.5.7, steps 6 and 7, kept in engines/host/host.js, which
    // computes them alike for every engine) receive the call through the tracker that the host
    // registered with trackRejections; without one, this is the default implementation.
    var rejectionTracker = null;
    function HostPromiseRejectionTracker(promise, operation) {
      // 1. If the host registered a tracker, call it with promise and operation ("reject" or
      //    "handle"); what it throws is the host's failure, and never reaches ECMAScript code.
      if (rejectionTracker !== null) {
        try {
          rejectionTracker(promise, operation);
        } catch (ignored) {}
      }
      // 2. Return unused.
      return undefined;
    }

    // HostMakeJobCallback ( callback )  (§9.5)
    function HostMakeJobCallback(callback) {
      // 1. Return the JobCallback Record { [[Callback]]: callback, [[HostDefined]]: empty }.
      return { Callback: callback, HostDefined: EMPTY };
    }

    // HostCallJobCallback ( jobCallback, V, argumentsList )  (§9.5)
    function HostCallJobCallback(jobCallback, V, argumentsList) {
      // 1. Assert: IsCallable(jobCallback.[[Callback]]) is true.
      // 2. Return ? Call(jobCallback.[[Callback]], V, argumentsList).
      return Call(jobCallback.Callback, V, argumentsList);
    }

    // HostEnqueuePromiseJob ( job, realm )  (§9.5)
    function HostEnqueuePromiseJob(job, realm) {
      host.enqueueJob(job);
    }

    // -------------------------------------------------------------------------------------
    // 27.2.2 Promise Jobs
    // -------------------------------------------------------------------------------------

    // 27.2.2.1 NewPromiseReactionJob ( reaction, argument )
    function NewPromiseReactionJob(reaction, argument) {
      // 1. Let job be a new Job Abstract Closure with no parameters that captures reaction and argument and performs the following steps when called:
      var job = function () {
        // a. Let promiseCapability be reaction.[[Capability]].
        var promiseCapability = reaction.Capability;
        // b. Let type be reaction.[[Type]].
        var type = reaction.Type;
        // c. Let handler be reaction.[[Handler]].
        var handler = reaction.Handler;
        // (handlerResult is a Completion Record: its [[Type]] is throw when handlerResultIsThrow.)
        var handlerResultIsThrow;
        var handlerResultValue;
        // d. If handler is empty, then
        if (handler === EMPTY) {
          // i. If type is fulfill, then
          if (type === 'fulfill') {
            // 1. Let handlerResult be NormalCompletion(argument).
            handlerResultIsThrow = false;
            handlerResultValue = argument;
          } else {
            // ii. Else,
            // 1. Assert: type is reject.
            // 2. Let handlerResult be ThrowCompletion(argument).
            handlerResultIsThrow = true;
            handlerResultValue = argument;
          }
        } else {
          // e. Else,
          // i. Let handlerResult be Completion(HostCallJobCallback(handler, undefined, « argument »)).
          try {
            handlerResultValue = HostCallJobCallback(handler, undefined, [argument]);
            handlerResultIsThrow = false;
          } catch (e) {
            handlerResultValue = e;
            handlerResultIsThrow = true;
          }
        }
        // f. If promiseCapability is undefined, then
        if (promiseCapability === undefined) {
          // i. Assert: handlerResult is not an abrupt completion.
          // ii. Return empty.
          return undefined;
        }
        // g. Assert: promiseCapability is a PromiseCapability Record.
        // h. If handlerResult is an abrupt completion, then
        if (handlerResultIsThrow) {
          // i. Return ? Call(promiseCapability.[[Reject]], undefined, « handlerResult.[[Value]] »).
          return Call(promiseCapability.Reject, undefined, [handlerResultValue]);
        }
        // i. Else,
        //    i. Return ? Call(promiseCapability.[[Resolve]], undefined, « handlerResult.[[Value]] »).
        return Call(promiseCapability.Resolve, undefined, [handlerResultValue]);
      };
      // 2. Let handlerRealm be null.
      // 3. If reaction.[[Handler]] is not empty, then
      //    a-d. (GetFunctionRealm: this heap has one realm, the current one.)
      var handlerRealm = null;
      // 4. Return the Record { [[Job]]: job, [[Realm]]: handlerRealm }.
      return { Job: job, Realm: handlerRealm };
    }

    // 27.2.2.2 NewPromiseResolveThenableJob ( promiseToResolve, thenable, then )
    function NewPromiseResolveThenableJob(promiseToResolve, thenable, then) {
      // 1. Let job be a new Job Abstract Closure with no parameters that captures promiseToResolve, thenable, and then and performs the following steps when called:
      var job = function () {
        // a. Let resolvingFunctions be CreateResolvingFunctions(promiseToResolve).
        var resolvingFunctions = CreateResolvingFunctions(promiseToResolve);
        // b. Let thenCallResult be Completion(HostCallJobCallback(then, thenable, « resolvingFunctions.[[Resolve]], resolvingFunctions.[[Reject]] »)).
        var thenCallResult;
        try {
          thenCallResult = HostCallJobCallback(then, thenable, [resolvingFunctions.Resolve, resolvingFunctions.Reject]);
        } catch (e) {
          // c. If thenCallResult is an abrupt completion, then
          //    i. Return ? Call(resolvingFunctions.[[Reject]], undefined, « thenCallResult.[[Value]] »).
          return Call(resolvingFunctions.Reject, undefined, [e]);
        }
        // d. Return ? thenCallResult.
        return thenCallResult;
      };
      // 2. Let getThenRealmResult be Completion(GetFunctionRealm(then.[[Callback]])).
      // 3-5. (One realm per heap: thenRealm is the current Realm Record.)
      var thenRealm = null;
      // 6. Return the Record { [[Job]]: job, [[Realm]]: thenRealm }.
      return { Job: job, Realm: thenRealm };
    }

    // -------------------------------------------------------------------------------------
    // 27.2.3 The Promise Constructor
    // -------------------------------------------------------------------------------------

    var PromisePrototype = {};   // 27.2.5 Properties of the Promise Prototype Object

    // 27.2.3.1 Promise ( executor )
    // Duktape notes: `new.target` is the constructor `new` was applied to (for a Proxy of
    // Promise, Duktape passes the Proxy's target rather than the Proxy), and Duktape's
    // Reflect.construct rejects a newTarget different from the target, so a subclass can reach
    // step 3 only through `new` on Promise itself; OrdinaryCreateFromConstructor is still done
    // with Get(NewTarget, "prototype").
    PromiseConstructorSteps = function (NewTarget, executor) {
      // 1. If NewTarget is undefined, throw a TypeError exception.
      if (NewTarget === undefined) throw new TypeErrorConstructor("Promise constructor cannot be invoked without 'new'");
      // 2. If IsCallable(executor) is false, throw a TypeError exception.
      if (!IsCallable(executor)) throw new TypeErrorConstructor('Promise resolver ' + ToDisplayString(executor) + ' is not a function');
      // 3. Let promise be ? OrdinaryCreateFromConstructor(NewTarget, "%Promise.prototype%", « [[PromiseState]], [[PromiseResult]], [[PromiseFulfillReactions]], [[PromiseRejectReactions]], [[PromiseIsHandled]] »).
      //    (The slots are a record held under the host's hidden symbol, which no script can name,
      //    enumerate or intercept; [[PromiseResult]] starts as undefined.)
      var promise = ObjectCreate(GetPrototypeFromConstructor(NewTarget, PromisePrototype));
      promise[SLOTS] = ObjectCreate(null);
      promise[SLOTS].result = undefined;
      // 4. Set promise.[[PromiseState]] to pending.
      promise[SLOTS].state = 'pending';
      // 5. Set promise.[[PromiseFulfillReactions]] to a new empty List.
      promise[SLOTS].fulfillReactions = NewList();
      // 6. Set promise.[[PromiseRejectReactions]] to a new empty List.
      promise[SLOTS].rejectReactions = NewList();
      // 7. Set promise.[[PromiseIsHandled]] to false.
      promise[SLOTS].isHandled = false;
      // 8. Let resolvingFunctions be CreateResolvingFunctions(promise).
      var resolvingFunctions = CreateResolvingFunctions(promise);
      // 9. Let completion be Completion(Call(executor, undefined, « resolvingFunctions.[[Resolve]], resolvingFunctions.[[Reject]] »)).
      try {
        Call(executor, undefined, [resolvingFunctions.Resolve, resolvingFunctions.Reject]);
      } catch (e) {
        // 10. If completion is an abrupt completion, then
        //     a. Perform ? Call(resolvingFunctions.[[Reject]], undefined, « completion.[[Value]] »).
        Call(resolvingFunctions.Reject, undefined, [e]);
      }
      // 11. Return promise.
      return promise;
    };

    // -------------------------------------------------------------------------------------
    // 27.2.4 Properties of the Promise Constructor
    // -------------------------------------------------------------------------------------

    // 27.2.4.1 Promise.all ( iterable )
    function PromiseAll(thisValue, iterable) {
      // 1. Let C be the this value.
      var C = thisValue;
      // 2. Let promiseCapability be ? NewPromiseCapability(C).
      var promiseCapability = NewPromiseCapability(C);
      // 3. Let promiseResolve be Completion(GetPromiseResolve(C)).
      // 4. IfAbruptRejectPromise(promiseResolve, promiseCapability).
      var promiseResolve;
      try {
        promiseResolve = GetPromiseResolve(C);
      } catch (e) {
        return IfAbruptRejectPromise(e, promiseCapability);
      }
      // 5. Let iteratorRecord be Completion(GetIterator(iterable, sync)).
      // 6. IfAbruptRejectPromise(iteratorRecord, promiseCapability).
      var iteratorRecord;
      try {
        iteratorRecord = GetIterator(iterable);
      } catch (e) {
        return IfAbruptRejectPromise(e, promiseCapability);
      }
      // 7. Let result be Completion(PerformPromiseAll(iteratorRecord, C, promiseCapability, promiseResolve)).
      try {
        return PerformPromiseAll(iteratorRecord, C, promiseCapability, promiseResolve);
      } catch (e) {
        // 8. If result is an abrupt completion, then
        var result = e;
        //    a. If iteratorRecord.[[Done]] is false, set result to Completion(IteratorClose(iteratorRecord, result)).
        if (iteratorRecord.Done === false) result = IteratorCloseWithThrow(iteratorRecord, result);
        //    b. IfAbruptRejectPromise(result, promiseCapability).
        return IfAbruptRejectPromise(result, promiseCapability);
      }
      // 9. Return ? result.
    }

    // 27.2.4.1.1 GetPromiseResolve ( promiseConstructor )
    function GetPromiseResolve(promiseConstructor) {
      // 1. Let promiseResolve be ? Get(promiseConstructor, "resolve").
      var promiseResolve = promiseConstructor.resolve;
      // 2. If IsCallable(promiseResolve) is false, throw a TypeError exception.
      if (!IsCallable(promiseResolve)) throw new TypeErrorConstructor('Promise resolve is not a function');
      // 3. Return promiseResolve.
      return promiseResolve;
    }

    // 27.2.4.1.2 PerformPromiseAll ( iteratorRecord, constructor, resultCapability, promiseResolve )
    function PerformPromiseAll(iteratorRecord, constructor, resultCapability, promiseResolve) {
      // 1. Let values be a new empty List.
      var values = NewList();
      // 2. Let remainingElementsCount be the Record { [[Value]]: 1 }.
      var remainingElementsCount = { Value: 1 };
      // 3. Let index be 0.
      var index = 0;
      // 4. Repeat,
      for (;;) {
        // a. Let next be ? IteratorStepValue(iteratorRecord).
        var next = IteratorStepValue(iteratorRecord);
        // b. If next is done, then
        if (next === DONE) {
          // i. Set remainingElementsCount.[[Value]] to remainingElementsCount.[[Value]] - 1.
          remainingElementsCount.Value = remainingElementsCount.Value - 1;
          // ii. If remainingElementsCount.[[Value]] = 0, then
          if (remainingElementsCount.Value === 0) {
            // 1. Let valuesArray be CreateArrayFromList(values).
            var valuesArray = CreateArrayFromList(values);
            // 2. Perform ? Call(resultCapability.[[Resolve]], undefined, « valuesArray »).
            Call(resultCapability.Resolve, undefined, [valuesArray]);
          }
          // iii. Return resultCapability.[[Promise]].
          return resultCapability.Promise;
        }
        // c. Append undefined to values.
        ListAppend(values, undefined);
        // d. Let nextPromise be ? Call(promiseResolve, constructor, « next »).
        var nextPromise = Call(promiseResolve, constructor, [next]);
        // e. Let steps be the algorithm steps defined in Promise.all Resolve Element Functions.
        // f. Let length be the number of non-optional parameters of the function definition in Promise.all Resolve Element Functions.
        // g. Let onFulfilled be CreateBuiltinFunction(steps, length, "", « [[AlreadyCalled]], [[Index]], [[Values]], [[Capability]], [[RemainingElements]] »).
        var onFulfilledSlots = { AlreadyCalled: undefined, Index: undefined, Values: undefined, Capability: undefined, RemainingElements: undefined };
        var onFulfilled = CreateBuiltinFunction(PromiseAllResolveElementFunctions, 1, '', onFulfilledSlots);
        // h. Set onFulfilled.[[AlreadyCalled]] to false.
        onFulfilledSlots.AlreadyCalled = false;
        // i. Set onFulfilled.[[Index]] to index.
        onFulfilledSlots.Index = index;
        // j. Set onFulfilled.[[Values]] to values.
        onFulfilledSlots.Values = values;
        // k. Set onFulfilled.[[Capability]] to resultCapability.
        onFulfilledSlots.Capability = resultCapability;
        // l. Set onFulfilled.[[RemainingElements]] to remainingElementsCount.
        onFulfilledSlots.RemainingElements = remainingElementsCount;
        // m. Set remainingElementsCount.[[Value]] to remainingElementsCount.[[Value]] + 1.
        remainingElementsCount.Value = remainingElementsCount.Value + 1;
        // n. Perform ? Invoke(nextPromise, "then", « onFulfilled, resultCapability.[[Reject]] »).
        Invoke(nextPromise, 'then', [onFulfilled, resultCapability.Reject]);
        // o. Set index to index + 1.
        index = index + 1;
      }
    }

    // 27.2.4.1.3 Promise.all Resolve Element Functions ( x )
    function PromiseAllResolveElementFunctions(F, x) {
      // 1. Let F be the active function object.
      // 2. If F.[[AlreadyCalled]] is true, return undefined.
      if (F.AlreadyCalled === true) return undefined;
      // 3. Set F.[[AlreadyCalled]] to true.
      F.AlreadyCalled = true;
      // 4. Let index be F.[[Index]].
      var index = F.Index;
      // 5. Let values be F.[[Values]].
      var values = F.Values;
      // 6. Let promiseCapability be F.[[Capability]].
      var promiseCapability = F.Capability;
      // 7. Let remainingElementsCount be F.[[RemainingElements]].
      var remainingElementsCount = F.RemainingElements;
      // 8. Set values[index] to x.
      values[index] = x;
      // 9. Set remainingElementsCount.[[Value]] to remainingElementsCount.[[Value]] - 1.
      remainingElementsCount.Value = remainingElementsCount.Value - 1;
      // 10. If remainingElementsCount.[[Value]] = 0, then
      if (remainingElementsCount.Value === 0) {
        // a. Let valuesArray be CreateArrayFromList(values).
        var valuesArray = CreateArrayFromList(values);
        // b. Return ? Call(promiseCapability.[[Resolve]], undefined, « valuesArray »).
        return Call(promiseCapability.Resolve, undefined, [valuesArray]);
      }
      // 11. Return undefined.
      return undefined;
    }

    // 27.2.4.2 Promise.allSettled ( iterable )
    function PromiseAllSettled(thisValue, iterable) {
      // 1. Let C be the this value.
      var C = thisValue;
      // 2. Let promiseCapability be ? NewPromiseCapability(C).
      var promiseCapability = NewPromiseCapability(C);
      // 3. Let promiseResolve be Completion(GetPromiseResolve(C)).
      // 4. IfAbruptRejectPromise(promiseResolve, promiseCapability).
      var promiseResolve;
      try {
        promiseResolve = GetPromiseResolve(C);
      } catch (e) {
        return IfAbruptRejectPromise(e, promiseCapability);
      }
      // 5. Let iteratorRecord be Completion(GetIterator(iterable, sync)).
      // 6. IfAbruptRejectPromise(iteratorRecord, promiseCapability).
      var iteratorRecord;
      try {
        iteratorRecord = GetIterator(iterable);
      } catch (e) {
        return IfAbruptRejectPromise(e, promiseCapability);
      }
      // 7. Let result be Completion(PerformPromiseAllSettled(iteratorRecord, C, promiseCapability, promiseResolve)).
      try {
        return PerformPromiseAllSettled(iteratorRecord, C, promiseCapability, promiseResolve);
      } catch (e) {
        // 8. If result is an abrupt completion, then
        var result = e;
        //    a. If iteratorRecord.[[Done]] is false, set result to Completion(IteratorClose(iteratorRecord, result)).
        if (iteratorRecord.Done === false) result = IteratorCloseWithThrow(iteratorRecord, result);
        //    b. IfAbruptRejectPromise(result, promiseCapability).
        return IfAbruptRejectPromise(result, promiseCapability);
      }
      // 9. Return ? result.
    }

    // 27.2.4.2.1 PerformPromiseAllSettled ( iteratorRecord, constructor, resultCapability, promiseResolve )
    function PerformPromiseAllSettled(iteratorRecord, constructor, resultCapability, promiseResolve) {
      // 1. Let values be a new empty List.
      var values = NewList();
      // 2. Let remainingElementsCount be the Record { [[Value]]: 1 }.
      var remainingElementsCount = { Value: 1 };
      // 3. Let index be 0.
      var index = 0;
      // 4. Repeat,
      for (;;) {
        // a. Let next be ? IteratorStepValue(iteratorRecord).
        var next = IteratorStepValue(iteratorRecord);
        // b. If next is done, then
        if (next === DONE) {
          // i. Set remainingElementsCount.[[Value]] to remainingElementsCount.[[Value]] - 1.
          remainingElementsCount.Value = remainingElementsCount.Value - 1;
          // ii. If remainingElementsCount.[[Value]] = 0, then
          if (remainingElementsCount.Value === 0) {
            // 1. Let valuesArray be CreateArrayFromList(values).
            var valuesArray = CreateArrayFromList(values);
            // 2. Perform ? Call(resultCapability.[[Resolve]], undefined, « valuesArray »).
            Call(resultCapability.Resolve, undefined, [valuesArray]);
          }
          // iii. Return resultCapability.[[Promise]].
          return resultCapability.Promise;
        }
        // c. Append undefined to values.
        ListAppend(values, undefined);
        // d. Let nextPromise be ? Call(promiseResolve, constructor, « next »).
        var nextPromise = Call(promiseResolve, constructor, [next]);
        // e. Let stepsFulfilled be the algorithm steps defined in Promise.allSettled Resolve Element Functions.
        // f. Let lengthFulfilled be the number of non-optional parameters of the function definition in Promise.allSettled Resolve Element Functions.
        // g. Let onFulfilled be CreateBuiltinFunction(stepsFulfilled, lengthFulfilled, "", « [[AlreadyCalled]], [[Index]], [[Values]], [[Capability]], [[RemainingElements]] »).
        var onFulfilledSlots = { AlreadyCalled: undefined, Index: undefined, Values: undefined, Capability: undefined, RemainingElements: undefined };
        var onFulfilled = CreateBuiltinFunction(PromiseAllSettledResolveElementFunctions, 1, '', onFulfilledSlots);
        // h. Let alreadyCalled be the Record { [[Value]]: false }.
        var alreadyCalled = { Value: false };
        // i. Set onFulfilled.[[AlreadyCalled]] to alreadyCalled.
        onFulfilledSlots.AlreadyCalled = alreadyCalled;
        // j. Set onFulfilled.[[Index]] to index.
        onFulfilledSlots.Index = index;
        // k. Set onFulfilled.[[Values]] to values.
        onFulfilledSlots.Values = values;
        // l. Set onFulfilled.[[Capability]] to resultCapability.
        onFulfilledSlots.Capability = resultCapability;
        // m. Set onFulfilled.[[RemainingElements]] to remainingElementsCount.
        onFulfilledSlots.RemainingElements = remainingElementsCount;
        // n. Let stepsRejected be the algorithm steps defined in Promise.allSettled Reject Element Functions.
        // o. Let lengthRejected be the number of non-optional parameters of the function definition in Promise.allSettled Reject Element Functions.
        // p. Let onRejected be CreateBuiltinFunction(stepsRejected, lengthRejected, "", « [[AlreadyCalled]], [[Index]], [[Values]], [[Capability]], [[RemainingElements]] »).
        var onRejectedSlots = { AlreadyCalled: undefined, Index: undefined, Values: undefined, Capability: undefined, RemainingElements: undefined };
        var onRejected = CreateBuiltinFunction(PromiseAllSettledRejectElementFunctions, 1, '', onRejectedSlots);
        // q. Set onRejected.[[AlreadyCalled]] to alreadyCalled.
        onRejectedSlots.AlreadyCalled = alreadyCalled;
        // r. Set onRejected.[[Index]] to index.
        onRejectedSlots.Index = index;
        // s. Set onRejected.[[Values]] to values.
        onRejectedSlots.Values = values;
        // t. Set onRejected.[[Capability]] to resultCapability.
        onRejectedSlots.Capability = resultCapability;
        // u. Set onRejected.[[RemainingElements]] to remainingElementsCount.
        onRejectedSlots.RemainingElements = remainingElementsCount;
        // v. Set remainingElementsCount.[[Value]] to remainingElementsCount.[[Value]] + 1.
        remainingElementsCount.Value = remainingElementsCount.Value + 1;
        // w. Perform ? Invoke(nextPromise, "then", « onFulfilled, onRejected »).
        Invoke(nextPromise, 'then', [onFulfilled, onRejected]);
        // x. Set index to index + 1.
        index = index + 1;
      }
    }

    // 27.2.4.2.2 Promise.allSettled Resolve Element Functions ( x )
    function PromiseAllSettledResolveElementFunctions(F, x) {
      // 1. Let F be the active function object.
      // 2. Let alreadyCalled be F.[[AlreadyCalled]].
      var alreadyCalled = F.AlreadyCalled;
      // 3. If alreadyCalled.[[Value]] is true, return undefined.
      if (alreadyCalled.Value === true) return undefined;
      // 4. Set alreadyCalled.[[Value]] to true.
      alreadyCalled.Value = true;
      // 5. Let index be F.[[Index]].
      var index = F.Index;
      // 6. Let values be F.[[Values]].
      var values = F.Values;
      // 7. Let promiseCapability be F.[[Capability]].
      var promiseCapability = F.Capability;
      // 8. Let remainingElementsCount be F.[[RemainingElements]].
      var remainingElementsCount = F.RemainingElements;
      // 9. Let obj be OrdinaryObjectCreate(%Object.prototype%).
      // 10. Perform ! CreateDataPropertyOrThrow(obj, "status", "fulfilled").
      // 11. Perform ! CreateDataPropertyOrThrow(obj, "value", x).
      var obj = { status: 'fulfilled', value: x };
      // 12. Set values[index] to obj.
      values[index] = obj;
      // 13. Set remainingElementsCount.[[Value]] to remainingElementsCount.[[Value]] - 1.
      remainingElementsCount.Value = remainingElementsCount.Value - 1;
      // 14. If remainingElementsCount.[[Value]] = 0, then
      if (remainingElementsCount.Value === 0) {
        // a. Let valuesArray be CreateArrayFromList(values).
        var valuesArray = CreateArrayFromList(values);
        // b. Return ? Call(promiseCapability.[[Resolve]], undefined, « valuesArray »).
        return Call(promiseCapability.Resolve, undefined, [valuesArray]);
      }
      // 15. Return undefined.
      return undefined;
    }

    // 27.2.4.2.3 Promise.allSettled Reject Element Functions ( x )
    function PromiseAllSettledRejectElementFunctions(F, x) {
      // 1. Let F be the active function object.
      // 2. Let alreadyCalled be F.[[AlreadyCalled]].
      var alreadyCalled = F.AlreadyCalled;
      // 3. If alreadyCalled.[[Value]] is true, return undefined.
      if (alreadyCalled.Value === true) return undefined;
      // 4. Set alreadyCalled.[[Value]] to true.
      alreadyCalled.Value = true;
      // 5. Let index be F.[[Index]].
      var index = F.Index;
      // 6. Let values be F.[[Values]].
      var values = F.Values;
      // 7. Let promiseCapability be F.[[Capability]].
      var promiseCapability = F.Capability;
      // 8. Let remainingElementsCount be F.[[RemainingElements]].
      var remainingElementsCount = F.RemainingElements;
      // 9. Let obj be OrdinaryObjectCreate(%Object.prototype%).
      // 10. Perform ! CreateDataPropertyOrThrow(obj, "status", "rejected").
      // 11. Perform ! CreateDataPropertyOrThrow(obj, "reason", x).
      var obj = { status: 'rejected', reason: x };
      // 12. Set values[index] to obj.
      values[index] = obj;
      // 13. Set remainingElementsCount.[[Value]] to remainingElementsCount.[[Value]] - 1.
      remainingElementsCount.Value = remainingElementsCount.Value - 1;
      // 14. If remainingElementsCount.[[Value]] = 0, then
      if (remainingElementsCount.Value === 0) {
        // a. Let valuesArray be CreateArrayFromList(values).
        var valuesArray = CreateArrayFromList(values);
        // b. Return ? Call(promiseCapability.[[Resolve]], undefined, « valuesArray »).
        return Call(promiseCapability.Resolve, undefined, [valuesArray]);
      }
      // 15. Return undefined.
      return undefined;
    }

    // 27.2.4.3 Promise.any ( iterable )
    function PromiseAny(thisValue, iterable) {
      // 1. Let C be the this value.
      var C = thisValue;
      // 2. Let promiseCapability be ? NewPromiseCapability(C).
      var promiseCapability = NewPromiseCapability(C);
      // 3. Let promiseResolve be Completion(GetPromiseResolve(C)).
      // 4. IfAbruptRejectPromise(promiseResolve, promiseCapability).
      var promiseResolve;
      try {
        promiseResolve = GetPromiseResolve(C);
      } catch (e) {
        return IfAbruptRejectPromise(e, promiseCapability);
      }
      // 5. Let iteratorRecord be Completion(GetIterator(iterable, sync)).
      // 6. IfAbruptRejectPromise(iteratorRecord, promiseCapability).
      var iteratorRecord;
      try {
        iteratorRecord = GetIterator(iterable);
      } catch (e) {
        return IfAbruptRejectPromise(e, promiseCapability);
      }
      // 7. Let result be Completion(PerformPromiseAny(iteratorRecord, C, promiseCapability, promiseResolve)).
      try {
        return PerformPromiseAny(iteratorRecord, C, promiseCapability, promiseResolve);
      } catch (e) {
        // 8. If result is an abrupt completion, then
        var result = e;
        //    a. If iteratorRecord.[[Done]] is false, set result to Completion(IteratorClose(iteratorRecord, result)).
        if (iteratorRecord.Done === false) result = IteratorCloseWithThrow(iteratorRecord, result);
        //    b. IfAbruptRejectPromise(result, promiseCapability).
        return IfAbruptRejectPromise(result, promiseCapability);
      }
      // 9. Return ? result.
    }

    // A newly created AggregateError object with an "errors" property (27.2.4.3.1 step
    // 4.b.ii.1-2 and 27.2.4.3.2 steps 10.a-b).
    function NewAggregateErrorWithErrors(errors) {
      // Let error be a newly created AggregateError object.
      var error = new ErrorConstructor();
      ObjectSetPrototypeOf(error, AggregateErrorPrototype);
      // Perform ! DefinePropertyOrThrow(error, "errors", PropertyDescriptor { [[Configurable]]: true, [[Enumerable]]: false, [[Writable]]: true, [[Value]]: CreateArrayFromList(errors) }).
      ObjectDefineProperty(error, 'errors', Descriptor(CreateArrayFromList(errors), true, false, true));
      return error;
    }

    // 27.2.4.3.1 PerformPromiseAny ( iteratorRecord, constructor, resultCapability, promiseResolve )
    function PerformPromiseAny(iteratorRecord, constructor, resultCapability, promiseResolve) {
      // 1. Let errors be a new empty List.
      var errors = NewList();
      // 2. Let remainingElementsCount be the Record { [[Value]]: 1 }.
      var remainingElementsCount = { Value: 1 };
      // 3. Let index be 0.
      var index = 0;
      // 4. Repeat,
      for (;;) {
        // a. Let next be ? IteratorStepValue(iteratorRecord).
        var next = IteratorStepValue(iteratorRecord);
        // b. If next is done, then
        if (next === DONE) {
          // i. Set remainingElementsCount.[[Value]] to remainingElementsCount.[[Value]] - 1.
          remainingElementsCount.Value = remainingElementsCount.Value - 1;
          // ii. If remainingElementsCount.[[Value]] = 0, then
          if (remainingElementsCount.Value === 0) {
            // 1. Let error be a newly created AggregateError object.
            // 2. Perform ! DefinePropertyOrThrow(error, "errors", PropertyDescriptor { [[Configurable]]: true, [[Enumerable]]: false, [[Writable]]: true, [[Value]]: CreateArrayFromList(errors) }).
            var error = NewAggregateErrorWithErrors(errors);
            // 3. Return ThrowCompletion(error).
            throw error;
          }
          // iii. Return resultCapability.[[Promise]].
          return resultCapability.Promise;
        }
        // c. Append undefined to errors.
        ListAppend(errors, undefined);
        // d. Let nextPromise be ? Call(promiseResolve, constructor, « next »).
        var nextPromise = Call(promiseResolve, constructor, [next]);
        // e. Let stepsRejected be the algorithm steps defined in Promise.any Reject Element Functions.
        // f. Let lengthRejected be the number of non-optional parameters of the function definition in Promise.any Reject Element Functions.
        // g. Let onRejected be CreateBuiltinFunction(stepsRejected, lengthRejected, "", « [[AlreadyCalled]], [[Index]], [[Errors]], [[Capability]], [[RemainingElements]] »).
        var onRejectedSlots = { AlreadyCalled: undefined, Index: undefined, Errors: undefined, Capability: undefined, RemainingElements: undefined };
        var onRejected = CreateBuiltinFunction(PromiseAnyRejectElementFunctions, 1, '', onRejectedSlots);
        // h. Set onRejected.[[AlreadyCalled]] to false.
        onRejectedSlots.AlreadyCalled = false;
        // i. Set onRejected.[[Index]] to index.
        onRejectedSlots.Index = index;
        // j. Set onRejected.[[Errors]] to errors.
        onRejectedSlots.Errors = errors;
        // k. Set onRejected.[[Capability]] to resultCapability.
        onRejectedSlots.Capability = resultCapability;
        // l. Set onRejected.[[RemainingElements]] to remainingElementsCount.
        onRejectedSlots.RemainingElements = remainingElementsCount;
        // m. Set remainingElementsCount.[[Value]] to remainingElementsCount.[[Value]] + 1.
        remainingElementsCount.Value = remainingElementsCount.Value + 1;
        // n. Perform ? Invoke(nextPromise, "then", « resultCapability.[[Resolve]], onRejected »).
        Invoke(nextPromise, 'then', [resultCapability.Resolve, onRejected]);
        // o. Set index to index + 1.
        index = index + 1;
      }
    }

    // 27.2.4.3.2 Promise.any Reject Element Functions ( x )
    function PromiseAnyRejectElementFunctions(F, x) {
      // 1. Let F be the active function object.
      // 2. If F.[[AlreadyCalled]] is true, return undefined.
      if (F.AlreadyCalled === true) return undefined;
      // 3. Set F.[[AlreadyCalled]] to true.
      F.AlreadyCalled = true;
      // 4. Let index be F.[[Index]].
      var index = F.Index;
      // 5. Let errors be F.[[Errors]].
      var errors = F.Errors;
      // 6. Let promiseCapability be F.[[Capability]].
      var promiseCapability = F.Capability;
      // 7. Let remainingElementsCount be F.[[RemainingElements]].
      var remainingElementsCount = F.RemainingElements;
      // 8. Set errors[index] to x.
      errors[index] = x;
      // 9. Set remainingElementsCount.[[Value]] to remainingElementsCount.[[Value]] - 1.
      remainingElementsCount.Value = remainingElementsCount.Value - 1;
      // 10. If remainingElementsCount.[[Value]] = 0, then
      if (remainingElementsCount.Value === 0) {
        // a. Let error be a newly created AggregateError object.
        // b. Perform ! DefinePropertyOrThrow(error, "errors", PropertyDescriptor { [[Configurable]]: true, [[Enumerable]]: false, [[Writable]]: true, [[Value]]: CreateArrayFromList(errors) }).
        var error = NewAggregateErrorWithErrors(errors);
        // c. Return ? Call(promiseCapability.[[Reject]], undefined, « error »).
        return Call(promiseCapability.Reject, undefined, [error]);
      }
      // 11. Return undefined.
      return undefined;
    }

    // 27.2.4.5 Promise.race ( iterable )
    function PromiseRace(thisValue, iterable) {
      // 1. Let C be the this value.
      var C = thisValue;
      // 2. Let promiseCapability be ? NewPromiseCapability(C).
      var promiseCapability = NewPromiseCapability(C);
      // 3. Let promiseResolve be Completion(GetPromiseResolve(C)).
      // 4. IfAbruptRejectPromise(promiseResolve, promiseCapability).
      var promiseResolve;
      try {
        promiseResolve = GetPromiseResolve(C);
      } catch (e) {
        return IfAbruptRejectPromise(e, promiseCapability);
      }
      // 5. Let iteratorRecord be Completion(GetIterator(iterable, sync)).
      // 6. IfAbruptRejectPromise(iteratorRecord, promiseCapability).
      var iteratorRecord;
      try {
        iteratorRecord = GetIterator(iterable);
      } catch (e) {
        return IfAbruptRejectPromise(e, promiseCapability);
      }
      // 7. Let result be Completion(PerformPromiseRace(iteratorRecord, C, promiseCapability, promiseResolve)).
      try {
        return PerformPromiseRace(iteratorRecord, C, promiseCapability, promiseResolve);
      } catch (e) {
        // 8. If result is an abrupt completion, then
        var result = e;
        //    a. If iteratorRecord.[[Done]] is false, set result to Completion(IteratorClose(iteratorRecord, result)).
        if (iteratorRecord.Done === false) result = IteratorCloseWithThrow(iteratorRecord, result);
        //    b. IfAbruptRejectPromise(result, promiseCapability).
        return IfAbruptRejectPromise(result, promiseCapability);
      }
      // 9. Return ? result.
    }

    // 27.2.4.5.1 PerformPromiseRace ( iteratorRecord, constructor, resultCapability, promiseResolve )
    function PerformPromiseRace(iteratorRecord, constructor, resultCapability, promiseResolve) {
      // 1. Repeat,
      for (;;) {
        // a. Let next be ? IteratorStepValue(iteratorRecord).
        var next = IteratorStepValue(iteratorRecord);
        // b. If next is done, then
        //    i. Return resultCapability.[[Promise]].
        if (next === DONE) return resultCapability.Promise;
        // c. Let nextPromise be ? Call(promiseResolve, constructor, « next »).
        var nextPromise = Call(promiseResolve, constructor, [next]);
        // d. Perform ? Invoke(nextPromise, "then", « resultCapability.[[Resolve]], resultCapability.[[Reject]] »).
        Invoke(nextPromise, 'then', [resultCapability.Resolve, resultCapability.Reject]);
      }
    }

    // 27.2.4.6 Promise.reject ( r )
    function PromiseReject(thisValue, r) {
      // 1. Let C be the this value.
      var C = thisValue;
      // 2. Let promiseCapability be ? NewPromiseCapability(C).
      var promiseCapability = NewPromiseCapability(C);
      // 3. Perform ? Call(promiseCapability.[[Reject]], undefined, « r »).
      Call(promiseCapability.Reject, undefined, [r]);
      // 4. Return promiseCapability.[[Promise]].
      return promiseCapability.Promise;
    }

    // 27.2.4.7 Promise.resolve ( x )
    function PromiseResolveMethod(thisValue, x) {
      // 1. Let C be the this value.
      var C = thisValue;
      // 2. If C is not an Object, throw a TypeError exception.
      if (!IsObject(C)) throw new TypeErrorConstructor('Promise.resolve called on a non-object');
      // 3. Return ? PromiseResolve(C, x).
      return PromiseResolve(C, x);
    }

    // 27.2.4.7.1 PromiseResolve ( C, x )
    function PromiseResolve(C, x) {
      // 1. If IsPromise(x) is true, then
      if (IsPromise(x)) {
        // a. Let xConstructor be ? Get(x, "constructor").
        var xConstructor = x.constructor;
        // b. If SameValue(xConstructor, C) is true, return x.
        if (SameValue(xConstructor, C)) return x;
      }
      // 2. Let promiseCapability be ? NewPromiseCapability(C).
      var promiseCapability = NewPromiseCapability(C);
      // 3. Perform ? Call(promiseCapability.[[Resolve]], undefined, « x »).
      Call(promiseCapability.Resolve, undefined, [x]);
      // 4. Return promiseCapability.[[Promise]].
      return promiseCapability.Promise;
    }

    // 27.2.4.8 Promise.try ( callback, ...args )   (ES2026: tc39/ecma262 PR #3883 made the normal
    // completion go through PromiseResolve, so a promise of C is returned itself)
    function PromiseTry(thisValue, callback, unused, argumentsObject) {
      var args = NewList();
      for (var i = 1; i < argumentsObject.length; i++) ListAppend(args, argumentsObject[i]);
      // 1. Let C be the this value.
      var C = thisValue;
      // 2. If C is not an Object, throw a TypeError exception.
      if (!IsObject(C)) throw new TypeErrorConstructor('Promise.try called on a non-object');
      // 3. Let status be Completion(Call(callback, undefined, args)).
      var statusValue;
      try {
        statusValue = Call(callback, undefined, args);
      } catch (e) {
        // 4. If status is an abrupt completion, then
        //    a. Let promiseCapability be ? NewPromiseCapability(C).
        var promiseCapability = NewPromiseCapability(C);
        //    b. Perform ? Call(promiseCapability.[[Reject]], undefined, « status.[[Value]] »).
        Call(promiseCapability.Reject, undefined, [e]);
        //    c. Return promiseCapability.[[Promise]].
        return promiseCapability.Promise;
      }
      // 5. Else, return ? PromiseResolve(C, status.[[Value]]).
      return PromiseResolve(C, statusValue);
    }

    // 27.2.4.9 Promise.withResolvers ( )   (ES2025 numbering; 27.2.4.8 in ES2024)
    function PromiseWithResolvers(thisValue) {
      // 1. Let C be the this value.
      var C = thisValue;
      // 2. Let promiseCapability be ? NewPromiseCapability(C).
      var promiseCapability = NewPromiseCapability(C);
      // 3. Let obj be OrdinaryObjectCreate(%Object.prototype%).
      // 4. Perform ! CreateDataPropertyOrThrow(obj, "promise", promiseCapability.[[Promise]]).
      // 5. Perform ! CreateDataPropertyOrThrow(obj, "resolve", promiseCapability.[[Resolve]]).
      // 6. Perform ! CreateDataPropertyOrThrow(obj, "reject", promiseCapability.[[Reject]]).
      var obj = { promise: promiseCapability.Promise, resolve: promiseCapability.Resolve, reject: promiseCapability.Reject };
      // 7. Return obj.
      return obj;
    }

    // 27.2.4.10 get Promise [ %Symbol.species% ]
    function GetPromiseSpecies(thisValue) {
      // 1. Return the this value.
      return thisValue;
    }

    // -------------------------------------------------------------------------------------
    // 27.2.5 Properties of the Promise Prototype Object
    // -------------------------------------------------------------------------------------

    // 27.2.5.1 Promise.prototype.catch ( onRejected )
    function PromisePrototypeCatch(thisValue, onRejected) {
      // 1. Let promise be the this value.
      var promise = thisValue;
      // 2. Return ? Invoke(promise, "then", « undefined, onRejected »).
      return Invoke(promise, 'then', [undefined, onRejected]);
    }

    // 27.2.5.3 Promise.prototype.finally ( onFinally )
    function PromisePrototypeFinally(thisValue, onFinally) {
      // 1. Let promise be the this value.
      var promise = thisValue;
      // 2. If promise is not an Object, throw a TypeError exception.
      if (!IsObject(promise)) throw new TypeErrorConstructor('Promise.prototype.finally called on a non-object');
      // 3. Let C be ? SpeciesConstructor(promise, %Promise%).
      var C = SpeciesConstructor(promise, Promise);
      // 4. Assert: IsConstructor(C) is true.
      var thenFinally;
      var catchFinally;
      // 5. If IsCallable(onFinally) is false, then
      if (!IsCallable(onFinally)) {
        // a. Let thenFinally be onFinally.
        thenFinally = onFinally;
        // b. Let catchFinally be onFinally.
        catchFinally = onFinally;
      } else {
        // 6. Else,
        // a. Let thenFinallyClosure be a new Abstract Closure with parameters (value) that captures onFinally and C and performs the following steps when called:
        //    (ThenFinallyClosure, below)
        // b. Let thenFinally be CreateBuiltinFunction(thenFinallyClosure, 1, "", « »).
        thenFinally = CreateBuiltinFunction(ThenFinallyClosure, 1, '', { OnFinally: onFinally, C: C });
        // c. Let catchFinallyClosure be a new Abstract Closure with parameters (reason) that captures onFinally and C and performs the following steps when called:
        //    (CatchFinallyClosure, below)
        // d. Let catchFinally be CreateBuiltinFunction(catchFinallyClosure, 1, "", « »).
        catchFinally = CreateBuiltinFunction(CatchFinallyClosure, 1, '', { OnFinally: onFinally, C: C });
      }
      // 7. Return ? Invoke(promise, "then", « thenFinally, catchFinally »).
      return Invoke(promise, 'then', [thenFinally, catchFinally]);
    }

    // 27.2.5.3 step 6.a: thenFinallyClosure ( value ), capturing onFinally and C
    function ThenFinallyClosure(captures, value) {
      var onFinally = captures.OnFinally;
      var C = captures.C;
      // i. Let result be ? Call(onFinally, undefined).
      var result = Call(onFinally, undefined, []);
      // ii. Let p be ? PromiseResolve(C, result).
      var p = PromiseResolve(C, result);
      // iii. Let returnValue be a new Abstract Closure with no parameters that captures value and performs the following steps when called:
      //      1. Return value.   (ReturnValueClosure, below)
      // iv. Let valueThunk be CreateBuiltinFunction(returnValue, 0, "", « »).
      var valueThunk = CreateBuiltinFunction(ReturnValueClosure, 0, '', { Value: value });
      // v. Return ? Invoke(p, "then", « valueThunk »).
      return Invoke(p, 'then', [valueThunk]);
    }

    // 27.2.5.3 step 6.a.iii: returnValue ( ), capturing value
    function ReturnValueClosure(captures) {
      // 1. Return value.
      return captures.Value;
    }

    // 27.2.5.3 step 6.c: catchFinallyClosure ( reason ), capturing onFinally and C
    function CatchFinallyClosure(captures, reason) {
      var onFinally = captures.OnFinally;
      var C = captures.C;
      // i. Let result be ? Call(onFinally, undefined).
      var result = Call(onFinally, undefined, []);
      // ii. Let p be ? PromiseResolve(C, result).
      var p = PromiseResolve(C, result);
      // iii. Let throwReason be a new Abstract Closure with no parameters that captures reason and performs the following steps when called:
      //      1. Return ThrowCompletion(reason).   (ThrowReasonClosure, below)
      // iv. Let thrower be CreateBuiltinFunction(throwReason, 0, "", « »).
      var thrower = CreateBuiltinFunction(ThrowReasonClosure, 0, '', { Reason: reason });
      // v. Return ? Invoke(p, "then", « thrower »).
      return Invoke(p, 'then', [thrower]);
    }

    // 27.2.5.3 step 6.c.iii: throwReason ( ), capturing reason
    function ThrowReasonClosure(captures) {
      // 1. Return ThrowCompletion(reason).
      throw captures.Reason;
    }

    // 27.2.5.4 Promise.prototype.then ( onFulfilled, onRejected )
    function PromisePrototypeThen(thisValue, onFulfilled, onRejected) {
      // 1. Let promise be the this value.
      var promise = thisValue;
      // 2. If IsPromise(promise) is false, throw a TypeError exception.
      if (!IsPromise(promise)) throw new TypeErrorConstructor('Promise.prototype.then called on an object that is not a Promise');
      // 3. Let C be ? SpeciesConstructor(promise, %Promise%).
      var C = SpeciesConstructor(promise, Promise);
      // 4. Let resultCapability be ? NewPromiseCapability(C).
      var resultCapability = NewPromiseCapability(C);
      // 5. Return PerformPromiseThen(promise, onFulfilled, onRejected, resultCapability).
      return PerformPromiseThen(promise, onFulfilled, onRejected, resultCapability);
    }

    // 27.2.5.4.1 PerformPromiseThen ( promise, onFulfilled, onRejected [ , resultCapability ] )
    function PerformPromiseThen(promise, onFulfilled, onRejected, resultCapability) {
      // 1. Assert: IsPromise(promise) is true.
      // 2. If resultCapability is not present, then
      //    a. Set resultCapability to undefined.
      var onFulfilledJobCallback;
      var onRejectedJobCallback;
      // 3. If IsCallable(onFulfilled) is false, then
      if (!IsCallable(onFulfilled)) {
        // a. Let onFulfilledJobCallback be empty.
        onFulfilledJobCallback = EMPTY;
      } else {
        // 4. Else,
        //    a. Let onFulfilledJobCallback be HostMakeJobCallback(onFulfilled).
        onFulfilledJobCallback = HostMakeJobCallback(onFulfilled);
      }
      // 5. If IsCallable(onRejected) is false, then
      if (!IsCallable(onRejected)) {
        // a. Let onRejectedJobCallback be empty.
        onRejectedJobCallback = EMPTY;
      } else {
        // 6. Else,
        //    a. Let onRejectedJobCallback be HostMakeJobCallback(onRejected).
        onRejectedJobCallback = HostMakeJobCallback(onRejected);
      }
      // 7. Let fulfillReaction be the PromiseReaction Record { [[Capability]]: resultCapability, [[Type]]: fulfill, [[Handler]]: onFulfilledJobCallback }.
      var fulfillReaction = { Capability: resultCapability, Type: 'fulfill', Handler: onFulfilledJobCallback };
      // 8. Let rejectReaction be the PromiseReaction Record { [[Capability]]: resultCapability, [[Type]]: reject, [[Handler]]: onRejectedJobCallback }.
      var rejectReaction = { Capability: resultCapability, Type: 'reject', Handler: onRejectedJobCallback };
      var state = promise[SLOTS].state;
      // 9. If promise.[[PromiseState]] is pending, then
      if (state === 'pending') {
        // a. Append fulfillReaction to promise.[[PromiseFulfillReactions]].
        ListAppend(promise[SLOTS].fulfillReactions, fulfillReaction);
        // b. Append rejectReaction to promise.[[PromiseRejectReactions]].
        ListAppend(promise[SLOTS].rejectReactions, rejectReaction);
      } else if (state === 'fulfilled') {
        // 10. Else if promise.[[PromiseState]] is fulfilled, then
        // a. Let value be promise.[[PromiseResult]].
        var value = promise[SLOTS].result;
        // b. Let fulfillJob be NewPromiseReactionJob(fulfillReaction, value).
        var fulfillJob = NewPromiseReactionJob(fulfillReaction, value);
        // c. Perform HostEnqueuePromiseJob(fulfillJob.[[Job]], fulfillJob.[[Realm]]).
        HostEnqueuePromiseJob(fulfillJob.Job, fulfillJob.Realm);
      } else {
        // 11. Else,
        // a. Assert: The value of promise.[[PromiseState]] is rejected.
        // b. Let reason be promise.[[PromiseResult]].
        var reason = promise[SLOTS].result;
        // c. If promise.[[PromiseIsHandled]] is false, perform HostPromiseRejectionTracker(promise, "handle").
        if (promise[SLOTS].isHandled === false) HostPromiseRejectionTracker(promise, 'handle');
        // d. Let rejectJob be NewPromiseReactionJob(rejectReaction, reason).
        var rejectJob = NewPromiseReactionJob(rejectReaction, reason);
        // e. Perform HostEnqueuePromiseJob(rejectJob.[[Job]], rejectJob.[[Realm]]).
        HostEnqueuePromiseJob(rejectJob.Job, rejectJob.Realm);
      }
      // 12. Set promise.[[PromiseIsHandled]] to true.
      promise[SLOTS].isHandled = true;
      // 13. If resultCapability is undefined, then
      //     a. Return undefined.
      if (resultCapability === undefined) return undefined;
      // 14. Else,
      //     a. Return resultCapability.[[Promise]].
      return resultCapability.Promise;
    }

    // -------------------------------------------------------------------------------------
    // 20.5.7 AggregateError Objects
    // -------------------------------------------------------------------------------------

    var AggregateErrorPrototype = ObjectCreate(ErrorPrototype);   // 20.5.7.3

    // 20.5.7.1.1 AggregateError ( errors, message [ , options ] )
    // Duktape: an object with [[ErrorData]] can only come from an Error constructor, so O is a
    // new Error whose [[Prototype]] is then set (its stack trace is Duktape's).
    AggregateErrorConstructorSteps = function (NewTarget, errors, message, options) {
      // 1. If NewTarget is undefined, let newTarget be the active function object; else let newTarget be NewTarget.
      var newTarget = NewTarget === undefined ? AggregateError : NewTarget;
      // 2. Let O be ? OrdinaryCreateFromConstructor(newTarget, "%AggregateError.prototype%", « [[ErrorData]] »).
      var proto = GetPrototypeFromConstructor(newTarget, AggregateErrorPrototype);
      var O = new ErrorConstructor();
      ObjectSetPrototypeOf(O, proto);
      // 3. If message is not undefined, then
      if (message !== undefined) {
        // a. Let msg be ? ToString(message).
        var msg = ToString(message);
        // b. Perform CreateNonEnumerableDataPropertyOrThrow(O, "message", msg).
        ObjectDefineProperty(O, 'message', Descriptor(msg, true, false, true));
      }
      // 4. Perform ? InstallErrorCause(O, options).
      InstallErrorCause(O, options);
      // 5. Let errorsList be ? IteratorToList(? GetIterator(errors, sync)).
      var errorsList = IteratorToList(GetIterator(errors));
      // 6. Perform ! DefinePropertyOrThrow(O, "errors", PropertyDescriptor { [[Configurable]]: true, [[Enumerable]]: false, [[Writable]]: true, [[Value]]: CreateArrayFromList(errorsList) }).
      ObjectDefineProperty(O, 'errors', Descriptor(CreateArrayFromList(errorsList), true, false, true));
      // 7. Return O.
      return O;
    };

    // 20.5.8.1 InstallErrorCause ( O, options )
    function InstallErrorCause(O, options) {
      // 1. If options is an Object and ? HasProperty(options, "cause") is true, then
      if (IsObject(options) && ('cause' in options)) {
        // a. Let cause be ? Get(options, "cause").
        var cause = options.cause;
        // b. Perform CreateNonEnumerableDataPropertyOrThrow(O, "cause", cause).
        ObjectDefineProperty(O, 'cause', Descriptor(cause, true, false, true));
      }
      // 2. Return unused.
    }

    // -------------------------------------------------------------------------------------
    // Built-in method objects. Strict-mode getters of object literals (see the top of the
    // file): not constructors, no `prototype`; `this` is passed to the steps unchanged.
    // -------------------------------------------------------------------------------------
    // (Only `then` and `try` read more arguments than their length; the others use a getter
    // or setter shell whose parameter count is their length, which spares an arguments object.)
    function CreateBuiltinMethod(steps, length, name) {
      var func;
      if (length === 0) {
        func = ObjectGetOwnPropertyDescriptor({ get ''() { return steps(this); } }, '').get;
      } else if (length === 1 && steps !== PromiseTry) {
        func = ObjectGetOwnPropertyDescriptor({ set ''(a) { return steps(this, a); } }, '').set;
      } else {
        func = ObjectGetOwnPropertyDescriptor({
          get ''() { return steps(this, arguments[0], arguments[1], arguments); }
        }, '').get;
      }
      return SetBuiltinFunctionProperties(func, length, name);
    }

    // 17 ECMAScript Standard Built-in Objects: methods are
    // { [[Writable]]: true, [[Enumerable]]: false, [[Configurable]]: true }.
    function DefineMethod(O, key, steps, length, name) {
      ObjectDefineProperty(O, key, Descriptor(CreateBuiltinMethod(steps, length, name), true, false, true));
    }

    // 27.2.3 The Promise Constructor: name "Promise", length 1 (27.2.4), [[Prototype]] is
    // %Function.prototype% (Duktape's default).
    SetBuiltinFunctionProperties(Promise, 1, 'Promise');
    // 27.2.4.4 Promise.prototype: { [[Writable]]: false, [[Enumerable]]: false, [[Configurable]]: false }.
    ObjectDefineProperty(Promise, 'prototype', Descriptor(PromisePrototype, false, false, false));
    DefineMethod(Promise, 'all', PromiseAll, 1, 'all');                          // 27.2.4.1
    DefineMethod(Promise, 'allSettled', PromiseAllSettled, 1, 'allSettled');     // 27.2.4.2
    DefineMethod(Promise, 'any', PromiseAny, 1, 'any');                          // 27.2.4.3
    DefineMethod(Promise, 'race', PromiseRace, 1, 'race');                       // 27.2.4.5
    DefineMethod(Promise, 'reject', PromiseReject, 1, 'reject');                 // 27.2.4.6
    DefineMethod(Promise, 'resolve', PromiseResolveMethod, 1, 'resolve');        // 27.2.4.7
    DefineMethod(Promise, 'try', PromiseTry, 1, 'try');                          // 27.2.4.8
    DefineMethod(Promise, 'withResolvers', PromiseWithResolvers, 0, 'withResolvers'); // 27.2.4.9
    // 27.2.4.10 get Promise [ %Symbol.species% ]: an accessor, its set accessor is undefined;
    // the getter's name is "get [Symbol.species]".
    var speciesAccessor = ObjectCreate(null);
    speciesAccessor.get = CreateBuiltinMethod(GetPromiseSpecies, 0, 'get [Symbol.species]');
    speciesAccessor.set = undefined;
    speciesAccessor.enumerable = false;
    speciesAccessor.configurable = true;
    ObjectDefineProperty(Promise, SymbolSpecies, speciesAccessor);

    // 27.2.5 Properties of the Promise Prototype Object: an ordinary object whose
    // [[Prototype]] is %Object.prototype% and which is not a promise.
    DefineMethod(PromisePrototype, 'catch', PromisePrototypeCatch, 1, 'catch');        // 27.2.5.1
    // 27.2.5.2 Promise.prototype.constructor
    ObjectDefineProperty(PromisePrototype, 'constructor', Descriptor(Promise, true, false, true));
    DefineMethod(PromisePrototype, 'finally', PromisePrototypeFinally, 1, 'finally');  // 27.2.5.3
    DefineMethod(PromisePrototype, 'then', PromisePrototypeThen, 2, 'then');           // 27.2.5.4
    // 27.2.5.5 Promise.prototype [ %Symbol.toStringTag% ]: "Promise",
    // { [[Writable]]: false, [[Enumerable]]: false, [[Configurable]]: true }.
    if (typeof SymbolToStringTag === 'symbol') {
      ObjectDefineProperty(PromisePrototype, SymbolToStringTag, Descriptor('Promise', false, false, true));
    }

    // 20.5.7.2 Properties of the AggregateError Constructor: [[Prototype]] is %Error%,
    // length 2, prototype { [[Writable]]: false, [[Enumerable]]: false, [[Configurable]]: false }.
    SetBuiltinFunctionProperties(AggregateError, 2, 'AggregateError');
    ObjectSetPrototypeOf(AggregateError, ErrorConstructor);
    ObjectDefineProperty(AggregateError, 'prototype', Descriptor(AggregateErrorPrototype, false, false, false));
    // 20.5.7.3 Properties of the AggregateError Prototype Object: constructor, message "",
    // name "AggregateError"; [[Prototype]] is %Error.prototype%.
    ObjectDefineProperty(AggregateErrorPrototype, 'constructor', Descriptor(AggregateError, true, false, true));
    ObjectDefineProperty(AggregateErrorPrototype, 'message', Descriptor('', true, false, true));
    ObjectDefineProperty(AggregateErrorPrototype, 'name', Descriptor('AggregateError', true, false, true));

    // 19.1 Value Properties of the Global Object / 19.3 Constructor Properties:
    // { [[Writable]]: true, [[Enumerable]]: false, [[Configurable]]: true }.
    ObjectDefineProperty(global, 'AggregateError', Descriptor(AggregateError, true, false, true));
    ObjectDefineProperty(global, 'Promise', Descriptor(Promise, true, false, true));

    // The host's view of promises; never calls `then`.
    return {
      isPromise: IsPromise,
      state: function (p) { return p[SLOTS].state; },
      result: function (p) { return p[SLOTS].result; },
      trackRejections: function (tracker) { rejectionTracker = tracker; }
    };
  })();
})
