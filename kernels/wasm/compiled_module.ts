/**
 * The compiled kernels (kernels/wasm/assembly, built by tools/build_wasm.mjs into
 * compiled_bytes.ts) instantiated on a wasm backend's own memory, so they run in place on
 * its tensors. The memory, the tensor offsets and malloc/free are Emscripten's, not tfjs's
 * public API: each is feature-tested, and where one is missing the JS kernels run instead.
 * The paths give the same bits; which one runs is `wasmKernelPath()`.
 */
import type {TensorInfo} from '@tensorflow/tfjs-core';
import type {BackendWasm} from '@tensorflow/tfjs-backend-wasm';
import {COMPILED_SCALAR, COMPILED_SHARED, COMPILED_SIMD} from './compiled_bytes';
import {formatValue} from '../../src/errors';

/**
 * Which kernels the wasm backend runs: compiled with SIMD, compiled without (engines lacking
 * SIMD), compiled for the threaded build's shared memory, or the JS kernels.
 */
export type WasmKernelPath = 'simd' | 'scalar' | 'shared' | 'js';

/** A path to force, or `auto`: the fastest the engine and the backend's build allow. */
export type WasmKernelChoice = 'auto' | WasmKernelPath;

/** The module's exports (kernels/wasm/assembly/index.ts); pointers are byte addresses. */
export interface CompiledExports {
  glimpseWindow(...args: number[]): void;
  glimpseGradWindow(...args: number[]): void;
  zeroFloats(at: number, count: number): void;
  windowMeans(...args: number[]): void;
  noisyMeans(...args: number[]): void;
  noisyBilinearMeans(...args: number[]): void;
  bilinearWindow(...args: number[]): void;
  combine(...args: number[]): void;
  imageRange(...args: number[]): void;
  spreadWindow(...args: number[]): void;
  spreadInside(...args: number[]): void;
  mappedMeans(...args: number[]): void;
  scaleKey(key: number, scale: number): number;
}

/** The compiled kernels on one backend: the exports and the backend's heap. */
export interface CompiledKernels {
  path: Exclude<WasmKernelPath, 'js'>;
  run: CompiledExports;
  memory: WebAssembly.Memory;
  /** A tensor's byte address in the heap. */
  address(info: TensorInfo): number;
  /** Scratch in the heap (may grow it: take no typed-array view of the heap across it). */
  malloc(bytes: number): number;
  free(pointer: number): void;
}

interface EmscriptenHeap {
  asm?: {memory?: unknown};
  wasmExports?: {memory?: unknown};
  wasmMemory?: unknown;
  _malloc?: (bytes: number) => number;
  _free?: (pointer: number) => void;
}

const CHOICES: readonly WasmKernelChoice[] = ['auto', 'simd', 'scalar', 'shared', 'js'];
let choice: WasmKernelChoice = 'auto';

type Entry = CompiledKernels | null | Promise<unknown>;

/**
 * Per backend and choice: its kernels, or null (JS) once settled; a promise while
 * instantiating. Kept per choice, so switching paths (a benchmark does) instantiates once each.
 */
const instances = new WeakMap<object, Map<WasmKernelChoice, Entry>>();

function entriesOf(backend: BackendWasm): Map<WasmKernelChoice, Entry> {
  let entries = instances.get(backend);
  if (!entries) instances.set(backend, (entries = new Map()));
  return entries;
}

/**
 * Forces the wasm backend's kernels onto one path (`js`, `simd`, `scalar`, `shared`), or back
 * to `auto`. A forced compiled path that the engine or the backend cannot run leaves the JS
 * kernels running: `wasmKernelPath()` tells.
 */
export function setWasmKernelPath(path: WasmKernelChoice): void {
  if (!CHOICES.includes(path)) {
    throw new Error(`setWasmKernelPath: path must be one of ${CHOICES.join(', ')}, got ${formatValue(path)}`);
  }
  choice = path;
}

/** The path the wasm kernels take on `backend` now ('js' until its compiled kernels are ready). */
export function kernelPathOf(backend: BackendWasm): WasmKernelPath {
  return compiledKernels(backend)?.path ?? 'js';
}

/**
 * Resolves once the compiled kernels for `backend` are ready (or settled as unavailable),
 * with the path they take. In browsers a module over 4 KB may not be compiled synchronously
 * on the main thread, so the first calls there run the JS kernels until this resolves.
 */
export async function prepareKernels(backend: BackendWasm): Promise<WasmKernelPath> {
  compiledKernels(backend);
  const entry = entriesOf(backend).get(choice);
  if (entry instanceof Promise) await entry;
  return kernelPathOf(backend);
}

/** The compiled kernels for `backend`, or null: run the JS kernels. */
export function compiledKernels(backend: BackendWasm): CompiledKernels | null {
  if (choice === 'js') return null;
  const entries = entriesOf(backend);
  const entry = entries.get(choice);
  if (entry instanceof Promise) return null;
  if (entry !== undefined) return entry;
  const wanted = choice;
  const heap = heapOf(backend);
  const bytes = heap && bytesFor(heap.memory);
  if (!heap || !bytes) {
    entries.set(wanted, null);
    return null;
  }
  const imports = {env: {memory: heap.memory}, noise: {hostLog: Math.log, hostCos: Math.cos, hostSin: Math.sin}};
  try {
    const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes.module), imports);
    return settle(entries, wanted, backend, heap, bytes.path, instance);
  } catch (e) {
    // Browsers refuse synchronous compilation of larger modules on the main thread.
    if (!(e instanceof RangeError)) {
      entries.set(wanted, null);
      return null;
    }
  }
  const pending = WebAssembly.instantiate(bytes.module, imports).then(
    ({instance}) => settle(entries, wanted, backend, heap, bytes.path, instance),
    () => entries.set(wanted, null),
  );
  entries.set(wanted, pending);
  return null;
}

function settle(
  entries: Map<WasmKernelChoice, Entry>,
  wanted: WasmKernelChoice,
  backend: BackendWasm,
  heap: {memory: WebAssembly.Memory; malloc: (bytes: number) => number; free: (pointer: number) => void},
  path: CompiledKernels['path'],
  instance: WebAssembly.Instance,
): CompiledKernels {
  const kernels: CompiledKernels = {
    path,
    run: instance.exports as unknown as CompiledExports,
    memory: heap.memory,
    address: info => backend.getMemoryOffset(info.dataId),
    malloc: bytes => {
      const pointer = heap.malloc(bytes);
      if (!pointer) throw new Error(`tfjs-wasm's heap could not give ${bytes} bytes of scratch`);
      return pointer;
    },
    free: heap.free,
  };
  entries.set(wanted, kernels);
  return kernels;
}

/** The backend's heap, if its build exposes everything the compiled kernels need. */
function heapOf(
  backend: BackendWasm,
): {memory: WebAssembly.Memory; malloc: (bytes: number) => number; free: (pointer: number) => void} | null {
  const wasm = (backend as unknown as {wasm?: EmscriptenHeap}).wasm;
  if (!wasm || typeof backend.getMemoryOffset !== 'function') return null;
  // Emscripten exposes the memory as asm.memory (tfjs-wasm 4.x), wasmExports.memory (newer
  // builds) or wasmMemory (the threaded build, which imports a shared memory).
  const memory = wasm.asm?.memory ?? wasm.wasmExports?.memory ?? wasm.wasmMemory;
  const {_malloc: malloc, _free: free} = wasm;
  if (!(memory instanceof WebAssembly.Memory) || typeof malloc !== 'function' || typeof free !== 'function') {
    return null;
  }
  return {memory, malloc: bytes => malloc.call(wasm, bytes), free: pointer => free.call(wasm, pointer)};
}

/** The binary for this memory and the forced path, if the engine validates it. */
function bytesFor(memory: WebAssembly.Memory): {path: CompiledKernels['path']; module: ArrayBuffer} | null {
  const shared = typeof SharedArrayBuffer !== 'undefined' && memory.buffer instanceof SharedArrayBuffer;
  const order: Array<CompiledKernels['path']> =
    choice === 'auto' ? (shared ? ['shared'] : ['simd', 'scalar']) : [choice as CompiledKernels['path']];
  for (const path of order) {
    if ((path === 'shared') !== shared) continue;
    const module = decode(path === 'simd' ? COMPILED_SIMD : path === 'scalar' ? COMPILED_SCALAR : COMPILED_SHARED);
    if (WebAssembly.validate(module)) return {path, module};
  }
  return null;
}

function decode(base64: string): ArrayBuffer {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes.buffer;
}
