import { VoiceError } from './VoiceError.js';

/**
 * A host for the SILK codec that `silk-wasm` ships as `silk.wasm` (Tencent's SILK SDK compiled
 * with Emscripten and embind), written here instead of using the package's JavaScript glue: that
 * glue builds its call wrappers with `new Function`, which OpenClaw's install scanner reports as
 * dynamic code execution. This file provides the handful of embind imports the module calls
 * (type and function registration, `emscripten::val` handles, a callback invocation, heap growth)
 * with plain closures.
 *
 * The import and export names are the minified ones of silk-wasm 3.7.1's build; the package is
 * pinned to that version, and {@link SilkWasm.instantiate} refuses a module with other names.
 */

/** The module's imports, by their minified name, in the order the build declares them. */
const IMPORT_NAMES = 'abcdefghijklmnopqrstuvw'.split('');
/** memory, __wasm_call_ctors, __getTypeName, malloc, free, _emscripten_timeout, the function table. */
const EXPORT_NAMES = ['x', 'y', 'z', 'A', 'B', 'C', 'D'];

/** The largest heap the codec may grow to; a voice note needs a few MB. */
const MAX_HEAP_BYTES = 256 * 1024 * 1024;

// The WebAssembly API as this file uses it (the project's lib settings carry no DOM types).
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
interface WasmTable {
  get(index: number): unknown;
}
type WasmModule = object;
interface WasmApi {
  compile(bytes: Uint8Array): Promise<WasmModule>;
  instantiate(module: WasmModule, imports: Record<string, Record<string, unknown>>): Promise<{ readonly exports: Record<string, unknown> }>;
  readonly Module: {
    imports(module: WasmModule): readonly { readonly name: string }[];
    exports(module: WasmModule): readonly { readonly name: string }[];
  };
}
const Wasm = (globalThis as unknown as { readonly WebAssembly: WasmApi }).WebAssembly;

type Wire = number | bigint;
type Destructors = Array<() => void>;

/** How values of one registered C++ type cross the boundary. */
interface WireType {
  readonly name: string;
  readonly isVoid?: boolean;
  fromWire(wire: Wire): unknown;
  toWire(destructors: Destructors, value: unknown): Wire;
  /** Reads a value stored at `pointer` (an argument pack slot or a `val` construction). */
  read(pointer: number): unknown;
}

interface RegisteredFunction {
  readonly argTypes: readonly number[];
  readonly invoker: (...args: Wire[]) => Wire;
  readonly fn: number;
}

interface MethodCaller {
  readonly types: readonly number[];
  readonly kind: number;
}

interface Exports {
  readonly memory: WasmMemory;
  readonly init: () => void;
  readonly malloc: (size: number) => number;
  readonly free: (pointer: number) => void;
  readonly table: WasmTable;
}

/** The SILK functions the module registers. */
export interface SilkFunctions {
  /** Encodes mono s16le PCM at `sampleRate` to SILK; `onOutput` gets the file. Returns the duration in ms (0 on failure). */
  encode(pcm: Uint8Array, sampleRate: number, onOutput: (silk: Uint8Array) => void): number;
  /** Decodes a SILK file to mono s16le PCM at `sampleRate`; `onOutput` gets the samples. Returns the duration in ms (0 on failure). */
  decode(silk: Uint8Array, sampleRate: number, onOutput: (pcm: Uint8Array) => void): number;
}

/** One instance of the codec module with its own heap. Not re-entrant: calls run one at a time. */
export class SilkWasm implements SilkFunctions {
  private exports: Exports | undefined;
  private readonly types = new Map<number, WireType>();
  private readonly functions = new Map<string, RegisteredFunction>();
  private readonly callers: MethodCaller[] = [];
  // emscripten::val handles: 2, 4, 6, 8 are undefined, null, true, false; others count references.
  private readonly handles = new Map<number, { value: unknown; refs: number }>();
  private readonly freeHandles: number[] = [];
  private nextHandle = 10;

  private constructor() {}

  /**
   * Compiles and starts the module.
   *
   * @throws {@link VoiceError} `codec-unavailable` when the bytes are not the expected build.
   */
  static async instantiate(wasm: Uint8Array): Promise<SilkWasm> {
    let module: WasmModule;
    try {
      module = await Wasm.compile(wasm);
    } catch (error) {
      throw new VoiceError('codec-unavailable', 'silk.wasm does not compile', { cause: error });
    }
    const imports = Wasm.Module.imports(module).map((entry) => entry.name);
    const exports = Wasm.Module.exports(module).map((entry) => entry.name);
    if (imports.join() !== IMPORT_NAMES.join() || exports.join() !== EXPORT_NAMES.join()) {
      throw new VoiceError('codec-unavailable', 'silk.wasm is not the build this plugin was written for (silk-wasm 3.7.1)');
    }
    const host = new SilkWasm();
    const instance = await Wasm.instantiate(module, { a: host.importObject() });
    const raw = instance.exports;
    host.exports = {
      memory: raw['x'] as WasmMemory,
      init: raw['y'] as () => void,
      malloc: raw['A'] as (size: number) => number,
      free: raw['B'] as (pointer: number) => void,
      table: raw['D'] as WasmTable,
    };
    // Static constructors run the EMSCRIPTEN_BINDINGS block, which registers types and functions.
    host.exports.init();
    for (const name of ['silk_encode', 'silk_decode']) {
      if (!host.functions.has(name)) throw new VoiceError('codec-unavailable', `silk.wasm registers no ${name}`);
    }
    return host;
  }

  encode(pcm: Uint8Array, sampleRate: number, onOutput: (silk: Uint8Array) => void): number {
    return Number(this.call('silk_encode', [pcm, sampleRate, onOutput]));
  }

  decode(silk: Uint8Array, sampleRate: number, onOutput: (pcm: Uint8Array) => void): number {
    return Number(this.call('silk_decode', [silk, sampleRate, onOutput]));
  }

  // ------------------------------------------------------------------ calls into the module

  private call(name: string, args: readonly unknown[]): unknown {
    const fn = this.functions.get(name);
    if (fn === undefined) throw new VoiceError('codec-unavailable', `silk.wasm has no ${name}`);
    const [retType, ...argTypes] = fn.argTypes.map((id) => this.type(id));
    if (retType === undefined || argTypes.length !== args.length) throw new VoiceError('codec-failed', `${name}: wrong argument count`);
    const destructors: Destructors = [];
    try {
      const wired = argTypes.map((type, index) => type.toWire(destructors, args[index]));
      const result = fn.invoker(fn.fn, ...wired);
      return retType.isVoid ? undefined : retType.fromWire(result);
    } finally {
      for (const destroy of destructors) destroy();
    }
  }

  private type(id: number): WireType {
    const type = this.types.get(id);
    if (type === undefined) throw new VoiceError('codec-failed', `silk.wasm uses an unregistered type ${id}`);
    return type;
  }

  // ------------------------------------------------------------------ memory

  private get heap(): ArrayBuffer {
    if (this.exports === undefined) throw new VoiceError('codec-unavailable', 'silk.wasm is not started');
    return this.exports.memory.buffer;
  }

  private u8(): Uint8Array {
    return new Uint8Array(this.heap);
  }

  private view(): DataView {
    return new DataView(this.heap);
  }

  private u32(pointer: number): number {
    return this.view().getUint32(pointer, true);
  }

  private cString(pointer: number): string {
    const bytes = this.u8();
    let end = pointer;
    while (bytes[end] !== 0 && end < bytes.length) end++;
    return String.fromCharCode(...bytes.subarray(pointer, end));
  }

  private register(id: number, type: WireType): void {
    this.types.set(id, type);
  }

  // ------------------------------------------------------------------ emscripten::val handles

  private toHandle(value: unknown): number {
    switch (value) {
      case undefined:
        return 2;
      case null:
        return 4;
      case true:
        return 6;
      case false:
        return 8;
      default: {
        const handle = this.freeHandles.pop() ?? (this.nextHandle += 2) - 2;
        this.handles.set(handle, { value, refs: 1 });
        return handle;
      }
    }
  }

  private fromHandle(handle: number): unknown {
    switch (handle) {
      case 2:
        return undefined;
      case 4:
        return null;
      case 6:
        return true;
      case 8:
        return false;
      default: {
        const entry = this.handles.get(handle);
        if (entry === undefined) throw new VoiceError('codec-failed', `silk.wasm used a released value handle ${handle}`);
        return entry.value;
      }
    }
  }

  private decref(handle: number): void {
    const entry = this.handles.get(handle);
    if (entry === undefined || --entry.refs > 0) return;
    this.handles.delete(handle);
    this.freeHandles.push(handle);
  }

  private readonly valType: WireType = {
    name: 'emscripten::val',
    fromWire: (wire) => {
      const value = this.fromHandle(Number(wire));
      this.decref(Number(wire));
      return value;
    },
    toWire: (_destructors, value) => this.toHandle(value),
    read: (pointer) => this.valType.fromWire(this.u32(pointer)),
  };

  // ------------------------------------------------------------------ the import object

  private integerReader(size: number, signed: boolean): (pointer: number) => number | bigint {
    return (pointer) => {
      const view = this.view();
      switch (size) {
        case 1:
          return signed ? view.getInt8(pointer) : view.getUint8(pointer);
        case 2:
          return signed ? view.getInt16(pointer, true) : view.getUint16(pointer, true);
        case 4:
          return signed ? view.getInt32(pointer, true) : view.getUint32(pointer, true);
        default:
          return signed ? view.getBigInt64(pointer, true) : view.getBigUint64(pointer, true);
      }
    };
  }

  private importObject(): Record<string, (...args: never[]) => unknown> {
    const fail = (what: string) => (): never => {
      throw new VoiceError('codec-failed', `silk.wasm: ${what}`);
    };
    const imports: Record<string, (...args: number[]) => unknown> = {
      // __cxa_throw, abort, proc_exit: the codec gave up.
      u: fail('C++ exception'),
      v: fail('abort'),
      r: fail('exit'),
      // _embind_register_memory_view(type, typedArrayIndex, name)
      a: (id, index, name) => {
        const views = [Int8Array, Uint8Array, Int16Array, Uint16Array, Int32Array, Uint32Array, Float32Array, Float64Array] as const;
        const View = views[index] ?? Uint8Array;
        const read = (pointer: number): unknown => new View(this.heap, this.u32(pointer + 4), this.u32(pointer));
        this.register(id, { name: this.cString(name), fromWire: (wire) => read(Number(wire)), toWire: fail('memory view argument'), read });
      },
      // _embind_register_integer(type, name, size, min, max)
      b: (id, name, size, min) => {
        const signed = min !== 0;
        const read = this.integerReader(size, signed);
        this.register(id, {
          name: this.cString(name),
          fromWire: (wire) => (signed ? Number(wire) : Number(wire) >>> 0),
          toWire: (_d, value) => (signed ? Number(value) | 0 : Number(value) >>> 0),
          read,
        });
      },
      // _embind_register_function(name, argCount, argTypes, signature, invoker, fn, isAsync)
      c: (name, argCount, argTypes, _signature, invoker, fn) => {
        const types: number[] = [];
        for (let i = 0; i < argCount; i++) types.push(this.u32(argTypes + 4 * i));
        const table = this.exports?.table;
        const invoke = table?.get(invoker) as ((...args: Wire[]) => Wire) | undefined;
        if (typeof invoke !== 'function') throw new VoiceError('codec-unavailable', 'silk.wasm registered a function without an invoker');
        this.functions.set(this.cString(name).split('(')[0]?.trim() ?? '', { argTypes: types, invoker: invoke, fn });
      },
      // _emval_decref(handle)
      d: (handle) => this.decref(handle),
      // _embind_register_std_wstring: not used by the codec's functions.
      e: (id, _charSize, name) => this.register(id, { name: this.cString(name), fromWire: fail('wstring'), toWire: fail('wstring'), read: fail('wstring') }),
      // _embind_register_emval(type), twice in this build.
      f: (id) => this.register(id, this.valType),
      m: (id) => this.register(id, this.valType),
      // _emval_run_destructors(handle): pairs of [destructor, argument].
      g: (handle) => {
        const list = this.fromHandle(handle);
        if (Array.isArray(list)) for (const destroy of list) (destroy as () => void)();
        this.decref(handle);
      },
      // _emval_get_method_caller(argCount, argTypes, kind)
      h: (argCount, argTypes, kind) => {
        const types: number[] = [];
        for (let i = 0; i < argCount; i++) types.push(this.u32(argTypes + 4 * i));
        this.callers.push({ types, kind });
        return this.callers.length - 1;
      },
      // _emval_call(caller, handle, destructorsRef, args): calls a JS function held in a val.
      i: (callerId, handle, destructorsRef, args) => {
        const caller = this.callers[callerId];
        const fn = this.fromHandle(handle);
        if (caller === undefined || typeof fn !== 'function') throw new VoiceError('codec-failed', 'silk.wasm called something that is not a function');
        const [retId, ...argIds] = caller.types;
        const values: unknown[] = [];
        let offset = 0;
        for (const id of argIds) {
          values.push(this.type(id).read(args + offset));
          offset += 8;
        }
        // Kind 1 is a constructor call; the codec only calls plain functions.
        const result: unknown = caller.kind === 1 ? undefined : (fn as (...a: unknown[]) => unknown)(...values);
        const retType = retId === undefined ? undefined : this.type(retId);
        if (retType === undefined || retType.isVoid) return 0;
        const destructors: Destructors = [];
        const wire = retType.toWire(destructors, result);
        if (destructors.length > 0) this.view().setUint32(destructorsRef, this.toHandle(destructors), true);
        return Number(wire);
      },
      // _emval_take_value(type, pointer)
      j: (id, pointer) => this.toHandle(this.type(id).read(pointer)),
      // _embind_register_float(type, name, size)
      k: (id, name, size) =>
        this.register(id, {
          name: this.cString(name),
          fromWire: (wire) => wire,
          toWire: (_d, value) => Number(value),
          read: (pointer) => (size === 4 ? this.view().getFloat32(pointer, true) : this.view().getFloat64(pointer, true)),
        }),
      // _embind_register_bigint(type, name, size, min, max)
      l: (id, name, size) => {
        const label = this.cString(name);
        const read = this.integerReader(size, !label.includes('unsigned'));
        this.register(id, { name: label, fromWire: (wire) => wire, toWire: (_d, value) => BigInt(value as number | bigint), read });
      },
      // _embind_register_std_string(type, name): the codec takes its input bytes as a std::string.
      n: (id, name) =>
        this.register(id, {
          name: this.cString(name),
          fromWire: (wire) => {
            const pointer = Number(wire);
            const length = this.u32(pointer);
            const text = new TextDecoder().decode(this.u8().slice(pointer + 4, pointer + 4 + length));
            this.exports?.free(pointer);
            return text;
          },
          toWire: (destructors, value) => {
            const bytes = value instanceof Uint8Array ? value : typeof value === 'string' ? new TextEncoder().encode(value) : undefined;
            if (bytes === undefined) throw new VoiceError('codec-failed', 'silk.wasm: std::string argument must be bytes');
            const exports = this.exports;
            if (exports === undefined) throw new VoiceError('codec-unavailable', 'silk.wasm is not started');
            const pointer = exports.malloc(4 + bytes.length + 1);
            if (pointer === 0) throw new VoiceError('too-long', 'silk.wasm could not allocate the input');
            this.view().setUint32(pointer, bytes.length, true);
            const heap = this.u8();
            heap.set(bytes, pointer + 4);
            heap[pointer + 4 + bytes.length] = 0;
            destructors.push(() => exports.free(pointer));
            return pointer;
          },
          read: (pointer) => this.u32(pointer),
        }),
      // _embind_register_bool(type, name, trueValue, falseValue)
      o: (id, name, trueValue, falseValue) =>
        this.register(id, {
          name: this.cString(name),
          fromWire: (wire) => Boolean(wire),
          toWire: (_d, value) => (value ? trueValue : falseValue),
          read: (pointer) => this.view().getUint8(pointer) !== 0,
        }),
      // _embind_register_void(type, name)
      p: (id, name) => this.register(id, { name: this.cString(name), isVoid: true, fromWire: () => undefined, toWire: () => 0, read: () => undefined }),
      // _emval_incref(handle)
      q: (handle) => {
        const entry = this.handles.get(handle);
        if (entry !== undefined) entry.refs++;
      },
      // emscripten_runtime_keepalive_clear, _setitimer_js: the codec runs synchronously, no timers.
      s: () => undefined,
      t: () => 0,
      // emscripten_resize_heap(requestedSize): grow in 64 KiB pages, up to MAX_HEAP_BYTES.
      w: (requested) => {
        const memory = this.exports?.memory;
        const wanted = requested >>> 0;
        if (memory === undefined || wanted > MAX_HEAP_BYTES) return 0;
        const current = memory.buffer.byteLength;
        const target = Math.min(MAX_HEAP_BYTES, Math.max(wanted, current + (current >> 2)));
        try {
          memory.grow(Math.ceil((target - current) / 65536));
          return 1;
        } catch {
          return 0;
        }
      },
    };
    return imports as Record<string, (...args: never[]) => unknown>;
  }
}
