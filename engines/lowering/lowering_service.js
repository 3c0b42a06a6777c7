// settle's lowering service: one node process per run that lowers test262 code and harness files
// to ES5 with Babel (engines/lowering/lowerer.h). It reads one JSON request per line on stdin,
// {"code": TEXT}, and answers one line on stdout:
//   {"code": LOWERED, "helpers": [NAME...], "promise_helpers": [NAME...],
//    "unlowered": [FEATURE...], "from": F}
// where F is "transform" (Babel ran), "memory" (this run lowered the same text before) or "disk"
// (an earlier run did: the cache under the engines folder); or {"error": MESSAGE} when Babel
// cannot parse the text. "unlowered" names, by test262 feature, the syntax newer than ES5 left
// in the lowered code (see unloweredSyntaxPlugin). The first line it writes, {"ready": true, "transpiler": ..., "config": ...},
// names the Babel version and the plugin set's digest.
//
// Only syntax without job semantics is lowered, by one plugin each; never async functions,
// generators or for await (their lowering would run the transpiler's job order, not the
// engine's). No runtime is added: Babel's helpers are inlined, and every reply names those that
// mention Promise, which settle refuses.
//
// Its last two arguments: node_modules (where @babel/* are), the cache folder (empty: none).
'use strict';
var fs = require('fs');
var path = require('path');
var crypto = require('crypto');
var readline = require('readline');

var nodeModules = process.argv[process.argv.length - 2];
var cacheRoot = process.argv[process.argv.length - 1];

var PLUGINS = [
  '@babel/plugin-transform-template-literals',
  '@babel/plugin-transform-arrow-functions',
  '@babel/plugin-transform-classes',
  '@babel/plugin-transform-shorthand-properties',
  '@babel/plugin-transform-computed-properties',
  '@babel/plugin-transform-for-of',
  '@babel/plugin-transform-spread',
  '@babel/plugin-transform-parameters',
  '@babel/plugin-transform-destructuring',
  '@babel/plugin-transform-block-scoping'
];
var SERVICE_VERSION = 2; // bump when the options below change what is written

function packageVersion(name) {
  return JSON.parse(fs.readFileSync(path.join(nodeModules, name, 'package.json'), 'utf8')).version;
}

function send(value) {
  process.stdout.write(JSON.stringify(value) + '\n');
}

var versions = ['@babel/core'].concat(PLUGINS).map(function (name) {
  return name + '@' + packageVersion(name);
});
var config = crypto.createHash('sha256')
  .update(JSON.stringify({ service: SERVICE_VERSION, packages: versions }))
  .digest('hex').slice(0, 16);
var cacheDir = cacheRoot ? path.join(cacheRoot, config) : '';

// Babel is loaded on the first text that no cache holds, so a warm run never loads it.
var babel = null;
var plugins = null;
function loadBabel() {
  if (babel) return;
  babel = require(path.join(nodeModules, '@babel/core'));
  plugins = PLUGINS.map(function (name) { return require(path.join(nodeModules, name)); });
}

// Whether the helper's own code (with the helpers it needs) mentions Promise: Babel's
// asyncToGenerator, awaitAsyncGenerator, asyncIterator and their kin do.
var helperVerdicts = Object.create(null);
function helperTouchesPromise(name) {
  if (name in helperVerdicts) return helperVerdicts[name];
  loadBabel();
  var code;
  try {
    code = babel.transformSync('', {
      babelrc: false, configFile: false, sourceType: 'script', code: true,
      plugins: [function () {
        return { visitor: { Program: function (_, state) { state.file.addHelper(name); } } };
      }]
    }).code;
  } catch (error) {
    code = 'Promise'; // a helper Babel cannot show is refused, not trusted
  }
  helperVerdicts[name] = /\bPromise\b/.test(code);
  return helperVerdicts[name];
}

// Syntax newer than ES5 that these plugins leave as it is, by the test262 feature that names it:
// BigInt literals cannot be lowered at all (no ES5 value is a bigint), and the others are left
// alone on purpose (optional chaining, ??, ** and the regexp flags change what an expression
// evaluates, and an engine that lacks them lacks more than their syntax). settle skips a test
// that uses one when its engine lacks the feature, instead of failing it with a SyntaxError.
var UNLOWERED_REGEXP_FLAGS = { s: 'regexp-dotall', d: 'regexp-match-indices', v: 'regexp-v-flag' };
function unloweredSyntaxPlugin(found) {
  return function () {
    return {
      visitor: {
        BigIntLiteral: function () { found.BigInt = true; },
        OptionalMemberExpression: function () { found['optional-chaining'] = true; },
        OptionalCallExpression: function () { found['optional-chaining'] = true; },
        LogicalExpression: function (p) {
          if (p.node.operator === '??') found['coalesce-expression'] = true;
        },
        AssignmentExpression: function (p) {
          if (/^(\?\?|\|\||&&)=$/.test(p.node.operator)) found['logical-assignment-operators'] = true;
          if (p.node.operator === '**=') found.exponentiation = true;
        },
        BinaryExpression: function (p) {
          if (p.node.operator === '**') found.exponentiation = true;
        },
        NumericLiteral: function (p) {
          var raw = p.node.extra && p.node.extra.raw;
          if (raw && raw.indexOf('_') >= 0) found['numeric-separator-literal'] = true;
        },
        RegExpLiteral: function (p) {
          p.node.flags.split('').forEach(function (flag) {
            if (UNLOWERED_REGEXP_FLAGS[flag]) found[UNLOWERED_REGEXP_FLAGS[flag]] = true;
          });
        }
      }
    };
  };
}

function transform(code) {
  loadBabel();
  var used = [];
  var unlowered = {};
  var result = babel.transformSync(code, {
    babelrc: false,
    configFile: false,
    sourceType: 'script',
    retainLines: true,
    highlightCode: false,
    plugins: [unloweredSyntaxPlugin(unlowered)].concat(plugins, [function () {
      return {
        post: function (file) { used = Object.keys(file.declarations || {}).sort(); }
      };
    }])
  });
  return { code: result.code, helpers: used, unlowered: Object.keys(unlowered).sort() };
}

var memory = new Map();

function entryPath(digest) {
  return path.join(cacheDir, digest.slice(0, 2), digest + '.json');
}

function readCached(digest) {
  if (!cacheDir) return null;
  try {
    var entry = JSON.parse(fs.readFileSync(entryPath(digest), 'utf8'));
    if (typeof entry.code === 'string' && Array.isArray(entry.helpers) &&
        Array.isArray(entry.unlowered)) return entry;
  } catch (error) {}
  return null;
}

function writeCached(digest, entry) {
  if (!cacheDir) return;
  var file = entryPath(digest);
  var temporary = file + '.' + process.pid + '.tmp';
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(temporary, JSON.stringify(entry));
    fs.renameSync(temporary, file); // atomic: a reader sees the whole entry or none
  } catch (error) {
    try { fs.unlinkSync(temporary); } catch (ignored) {}
  }
}

function lower(code) {
  var digest = crypto.createHash('sha256').update(code).digest('hex');
  var entry = memory.get(digest);
  var from = 'memory';
  if (!entry) {
    entry = readCached(digest);
    from = 'disk';
    if (!entry) {
      entry = transform(code);
      from = 'transform';
      writeCached(digest, entry);
    }
    memory.set(digest, entry);
  }
  return {
    code: entry.code,
    helpers: entry.helpers,
    promise_helpers: entry.helpers.filter(helperTouchesPromise),
    unlowered: entry.unlowered,
    from: from
  };
}

send({ ready: true, transpiler: 'babel ' + packageVersion('@babel/core'), config: config });
readline.createInterface({ input: process.stdin }).on('line', function (line) {
  var request;
  try {
    request = JSON.parse(line);
  } catch (error) {
    send({ error: 'not a JSON request: ' + error.message });
    return;
  }
  try {
    send(lower(String(request.code)));
  } catch (error) {
    send({ error: String(error && error.message || error) });
  }
});
