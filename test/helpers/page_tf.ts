/**
 * The tf namespace the page helpers run on, in Node (the imported module) and in a page (the
 * global `tf` the UMD bundles extend). The helpers take it as an argument and import nothing
 * at run time, so the same module serves jest and the page bundle
 * (test/browser/pages/page_helpers.ts).
 */
import type * as tfc from '@tensorflow/tfjs-core';
import type {extractGlimpse, glimpseSensor} from '../../src';

export type Tf = typeof tfc;

/** The plugin's ops on `tf.image`, where registering the package puts them. */
export const pluginOps = (tf: Tf) =>
  tf.image as typeof tf.image & {extractGlimpse: typeof extractGlimpse; glimpseSensor: typeof glimpseSensor};

/** The message of a thrown value, as the pages report it. */
export const messageOf = (e: unknown): string => String((e as Error | undefined)?.message ?? e);
