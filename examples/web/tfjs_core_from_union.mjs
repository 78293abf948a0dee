// The plugin imports '@tensorflow/tfjs-core'; on a page that loads the union package as an ES
// module (ram.html's import map) it must get that package's core, the one its backends and
// ops live in, not a second copy.
export * from '@tensorflow/tfjs';
