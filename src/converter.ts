/**
 * The models entry, `tfjs-extract-glimpse/converter`: everything the main entry registers,
 * plus ExtractGlimpse and ExtractGlimpseV2 as converter ops, so that `tf.loadGraphModel` runs
 * converted TensorFlow models holding them. It imports the converter statically, as every
 * bundler and Node resolve it; the main entry never mentions the converter, so apps without
 * one bundle nothing of it. The UMD bundle is built from this entry: there the converter is
 * the global `tf`, whose `registerOp` exists only where a converter script was loaded.
 *
 * @module tfjs-extract-glimpse/converter
 */
import {registerOp} from '@tensorflow/tfjs-converter';
import {registerConverterOps} from './converter_ops';

export * from './index';

registerConverterOps(registerOp);
