// Preloaded into a service (`node --require bench/lib/command-count.cjs`, via
// BENCH_SERVICE_NODE_ARGS) to count the database round trips it sends: every MongoClient turns
// on the driver's command monitoring before it connects, and each command started is counted by
// `<command> <collection>` (an insertMany is one command). On SIGUSR2 the counts since the last
// signal go to `$BENCH_COMMAND_LOG_DIR/<pid>.json` and start over, so a bench can take what one
// phase alone sent (bench/lib/round-trips.ts).
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- a --require preload is CommonJS */
const Module = require('node:module');
const fs = require('node:fs');
const path = require('node:path');

const counts = new Map();
const patched = new WeakSet();
const originalLoad = Module._load;

function count(event) {
  const target = event.command[event.commandName];
  const name = typeof target === 'string' ? `${event.commandName} ${target}` : event.commandName;
  counts.set(name, (counts.get(name) ?? 0) + 1);
}

Module._load = function loadCounting(request, ...rest) {
  const loaded = originalLoad.call(this, request, ...rest);
  const MongoClient = request === 'mongodb' ? loaded?.MongoClient : undefined;
  if (MongoClient && !patched.has(MongoClient)) {
    patched.add(MongoClient);
    const connect = MongoClient.prototype.connect;
    MongoClient.prototype.connect = function connectCounting(...args) {
      if (!this.monitorCommands) {
        this.monitorCommands = true;
        this.on('commandStarted', count);
      }
      return connect.apply(this, args);
    };
  }
  return loaded;
};

process.on('SIGUSR2', () => {
  const dir = process.env.BENCH_COMMAND_LOG_DIR ?? '.';
  fs.writeFileSync(
    path.join(dir, `${process.pid}.json`),
    JSON.stringify(Object.fromEntries(counts)),
  );
  counts.clear();
});
