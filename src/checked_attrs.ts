/**
 * Attrs that this package's own code built from validated arguments (the ops, the gradients):
 * kernels trust them and skip the argument checks, so a call is checked once. Anything else
 * (`tf.engine().runKernel`, another tool) is checked by the kernel itself.
 */
const CHECKED = new WeakSet<object>();

/** Marks attrs as built from checked arguments. */
export function markChecked<T extends object>(attrs: T): T {
  CHECKED.add(attrs);
  return attrs;
}

/** Whether this package's own code built these attrs from checked arguments. */
export function wasChecked(attrs: object): boolean {
  return CHECKED.has(attrs);
}
