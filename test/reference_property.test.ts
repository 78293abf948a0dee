/**
 * Property-based: thousands of fast-check calls on every Node backend against an
 * independent reading of SPEC.md (test/helpers/reference_glimpse.ts); a failure shrinks to
 * a minimal call.
 */
import fc from 'fast-check';
import {extractGlimpse} from '../src';
import {describeEachBackend, tf} from './helpers/backends';
import {generatedCall} from './helpers/reference_arbitrary';
import {compareWithReference} from './helpers/reference_glimpse';

describeEachBackend('against the SPEC reference', () => {
  test('3000 generated calls: copies bit for bit, zero noise +0, other noise in range', () => {
    fc.assert(
      fc.property(generatedCall, call => {
        const out = tf.tidy(() =>
          extractGlimpse(
            tf.tensor4d(call.input, call.inputShape),
            call.size,
            tf.tensor2d(call.offsets, [call.inputShape[0], 2]),
            call.centered,
            call.normalized,
            call.noise,
            {version: call.version, seed: 7},
          ),
        );
        const values = out.dataSync() as Float32Array;
        const bits = new Uint32Array(values.buffer, values.byteOffset, values.length);
        const findings = compareWithReference(call, call.input, call.noise, out.shape, bits);
        out.dispose();
        // A thrown error fails the property; fast-check then shrinks the call.
        if (findings.length > 0) throw new Error(findings[0]);
      }),
      {numRuns: 3000, seed: 20261125},
    );
  });
});
