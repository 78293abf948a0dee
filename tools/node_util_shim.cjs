// tfjs-node 4.22 calls util.isNullOrUndefined and util.isArray, which Node 23 removed (a known
// problem upstream): on Node 24 and later its backend fails to start without them. Loaded
// before tfjs-node (`node -r ./tools/node_util_shim.cjs`, or required first); the README's
// Troubleshooting section gives users the same two lines.
const util = require('util');
if (typeof util.isNullOrUndefined !== 'function') util.isNullOrUndefined = value => value == null;
if (typeof util.isArray !== 'function') util.isArray = Array.isArray;
