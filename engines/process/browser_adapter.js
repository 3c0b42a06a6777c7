// settle's browser adapter (after driver_core.js). The one driver file runs twice:
//  - in node, as the bridge (settleBrowserChannel is undefined): it starts the browser with its
//    profile folder next to settle's scratch folder, drives it with puppeteer-core (Chromium: CDP
//    over a pipe; Firefox: WebDriver BiDi over a loopback WebSocket) or selenium-webdriver
//    (WebKitGTK: classic WebDriver through WebKitWebDriver), loads this same file into a blank page
//    and passes settle's request lines to the page and the page's reply lines back;
//  - in that page, as the adapter of the driver core: each case runs in a fresh iframe realm of the
//    page, on the HTML event loop.
// Arguments: node {driver} <browser> {npm} {scratch}. settle kills the bridge's process group at a
// case's deadline or on an interrupt: the browser is started in that group, so it ends with it.
(function () {
  'use strict';

  // f.call taken once: uncurry(f)(self, ...args) calls f on self, whatever case code later does to
  // Function.prototype.call.
  var uncurry = Function.prototype.bind.bind(Function.prototype.call);

  if (typeof settleBrowserChannel === 'object') {
    pageAdapter(settleBrowserChannel);
  } else {
    bridge();
  }

  // ---- in the page ----------------------------------------------------------------------------

  function pageAdapter(channel) {
    var win = window;
    var doc = document;
    // The reply channel: a BiDi channel function (Firefox), or a CDP binding (Chromium) taken off
    // the page's global before any case code runs. Every reply carries settle's nonce, which only
    // this closure holds.
    var send = channel.send;
    if (channel.binding) {
      send = win[channel.binding];
      delete win[channel.binding];
    }
    // Classic WebDriver (WebKitGTK) gives a page no way to call its driver: replies wait here
    // until the bridge's next poll takes them (webDriverEntry, below).
    var replies = channel.webdriver ? [] : null;
    if (replies) send = function (line) { replies[replies.length] = line; };
    var createElement = uncurry(Document.prototype.createElement);
    var appendChild = uncurry(Node.prototype.appendChild);
    var removeChild = uncurry(Node.prototype.removeChild);
    var contentWindow = uncurry(Object.getOwnPropertyDescriptor(HTMLIFrameElement.prototype, 'contentWindow').get);
    var defineProperty = Object.defineProperty;
    var construct = Reflect.construct;
    var queueMicrotask_ = win.queueMicrotask;
    var dateNow = Date.now;
    var readAt = 0;  // when the bridge read the latest request (the same machine's clock)
    // V8's gc() where the browser exposes it (chromium's --expose-gc): $262.gc.
    var gc_ = typeof win.gc === 'function' ? win.gc : null;
    var body = doc.body || appendChild(doc.documentElement, createElement(doc, 'body'));
    var contentDocument = uncurry(Object.getOwnPropertyDescriptor(HTMLIFrameElement.prototype, 'contentDocument').get);
    var postMessage = uncurry(MessagePort.prototype.postMessage);
    var setOnMessage = uncurry(Object.getOwnPropertyDescriptor(MessagePort.prototype, 'onmessage').set);
    // A task of a realm's own window: a message to a port made by that realm, which settle's
    // adapter alone holds. HTML notifies about rejected promises of every window of the event loop
    // at each checkpoint; WebKit only of the window whose task it was, so a hop of the page's
    // would leave a case realm's rejections unreported.
    function taskHop(global) {
      var ports = construct(global.MessageChannel, []);
      var waiting = [];
      setOnMessage(ports.port1, function () {
        var next = waiting.shift();
        if (next) next();
      });
      return function (then) {
        waiting.push(then);
        postMessage(ports.port2, 0);
      };
    }

    // Names of a case realm that lead out of it: made its own window, as in a top-level page
    // (`top` cannot be changed; the page it leads to holds nothing of the driver's).
    var kLeadOut = ['parent', 'frameElement', 'opener'];
    // What case code must not have: the network, storage, popups, workers.
    var kCutOff = ['fetch', 'XMLHttpRequest', 'WebSocket', 'WebTransport', 'EventSource', 'Worker', 'SharedWorker',
      'open', 'indexedDB', 'caches', 'localStorage', 'sessionStorage', 'cookieStore', 'RTCPeerConnection',
      'BroadcastChannel', 'webkitRTCPeerConnection', 'showOpenFilePicker', 'showSaveFilePicker'];

    function hide(target, name, value) {
      try {
        defineProperty(target, name, { value: value, writable: false, enumerable: false, configurable: false });
      } catch (error) {}
    }

    var modules = typeof channel.moduleOrigin === 'string' ? pageModules(win, channel.moduleOrigin) : null;
    var addEventListener = uncurry(EventTarget.prototype.addEventListener);
    var acceptUntrusted = channel.untrustedRejectionEvents === true;
    var Error_ = Error;
    var split = uncurry(String.prototype.split);
    // Calls handle(event) for the events of `type` that the browser itself fires at `target`, never
    // for one that case code dispatches. isTrusted (unforgeable) says so where the browser fires
    // its events trusted. WebKit fires its own untrusted (the bug of case
    // rejection-tracking/html-events/event-is-trusted), from a task, so that the listener has no
    // frame below it: an event that case code dispatches, with the dispatchEvent of an iframe it
    // made, say, has that native dispatchEvent below the listener. The Error is made in the
    // listener itself, so that its stack starts there.
    function onBrowserEvent(target, type, handle) {
      addEventListener(target, type, function (event) {
        if (event.isTrusted) return handle(event);
        if (!acceptUntrusted) return;
        var stack = new Error_().stack;
        if (typeof stack === 'string' && split(stack, '\n').length === 1) handle(event);
      });
    }
    var preventDefault = uncurry(Event.prototype.preventDefault);
    var hooks = {
      enqueueJob: function (job) { queueMicrotask_(job); },
      promise: null,
      tracksRejections: true
    };

    var core = settleDriver.create({
      write: function (line) { send(line); },
      version: function () { return channel.version; },
      host262: gc_ ? ['global', 'evalScript', 'createRealm', 'gc'] : ['global', 'evalScript', 'createRealm'],
      gc: function () { gc_(); },
      // The page ends a case whose timers go on past its timeout itself, between two tasks, and
      // keeps the browser; only a case that never yields costs a new one.
      now: function () { return dateNow(); },
      requestTime: function () { return readAt || dateNow(); },
      // A script compiled without running: a function body parses as a script does, but for
      // return and new.target, which are then errors at run time.
      compile: function (code, name) {
        construct(Function, [code]);
        return { code: code, name: name };
      },
      modules: modules !== null,
      runModule: function (realm, entry, done) { realm.modules.run(entry, done); },
      newRealm: function (env, request) {
        var frame = createElement(doc, 'iframe');
        appendChild(body, frame);
        var global = contentWindow(frame);
        try {
          if (channel.binding) delete global[channel.binding];
        } catch (error) {}
        var Function_ = global.Function;
        var evalIn = global.eval;
        var hop = taskHop(global);
        for (var i = 0; i < kLeadOut.length; i++) hide(global, kLeadOut[i], global);
        for (var j = 0; j < kCutOff.length; j++) hide(global, kCutOff[j], undefined);
        try {
          hide(global.navigator, 'sendBeacon', undefined);
          hide(global.navigator, 'serviceWorker', undefined);
        } catch (error) {}
        env.aliases.forEach(function (alias) {
          defineProperty(global, alias, { value: global, writable: true, configurable: true });
        });
        var run = function (compiled) { return evalIn(compiled.code); };
        var test262 = request && request.test262;
        var realmModules = modules && test262 ? modules.forRealm(global, contentDocument(frame), evalIn, test262) : null;
        var api = run(env.host)(global, hooks);
        // HTML's own events, fired at the realm's window in a task after a microtask checkpoint:
        // the host's batched events for host.js's rule, never one that case code dispatches.
        if (acceptUntrusted) hide(global.EventTarget.prototype, 'dispatchEvent', undefined);
        onBrowserEvent(global, 'unhandledrejection', function (event) {
          preventDefault(event);
          api.rejectionEvent('unhandled', event.promise, event.reason);
        });
        onBrowserEvent(global, 'rejectionhandled', function (event) {
          api.rejectionEvent('handled', event.promise);
        });
        env.preludes.forEach(run);
        return {
          api: api,
          compile: function (code, name) {
            construct(Function_, [code]);
            return { code: code, name: name };
          },
          run: run,
          hop: hop,
          modules: realmModules,
          dispose: function () {
            try {
              removeChild(body, frame);
            } catch (error) {}
          }
        };
      },
      // A task of the case realm's window: the microtask checkpoint before it has run every job.
      // Two task hops: the checkpoint after the first queues HTML's rejection events in a task of
      // their own, which runs before the second hop.
      drain: function (realm, done) {
        realm.hop(function () { realm.hop(done); });
        return false;
      },
      // Modules that the page's loader fetches are waited on over the network, not in a job.
      awaitsNetwork: function (realm, then) {
        if (!realm.modules || !realm.modules.waiting(realm.api)) return false;
        modules.later(then);
        return true;
      }
    });
    channel.receive = function (line, at) {
      readAt = at;
      core.receive(line);
    };
    if (channel.webdriver) webDriverEntry(win, channel, core, replies);
    if (acceptUntrusted) hide(win.EventTarget.prototype, 'dispatchEvent', undefined);
    hardenPage(win);
  }

  // test262's module code and import() through the page's own module loader: the bridge serves the
  // files of the running test's folder from `origin`, and nothing else. A module test's entry is
  // first loaded alone from a blob, where none of its imports resolves, so that it cannot run: a
  // SyntaxError then is its own (the parse phase). Then a blob module imports a marker and the entry:
  // a failure before the marker ran is the resolution phase's, one after it the runtime phase's.
  function pageModules(win, origin) {
    var createElement = uncurry(Document.prototype.createElement);
    var setAttribute = uncurry(Element.prototype.setAttribute);
    var appendChild = uncurry(Node.prototype.appendChild);
    var then = uncurry(Promise.prototype.then);
    var URL_ = win.URL;
    var createObjectURL = uncurry(URL_.createObjectURL);
    var revokeObjectURL = uncurry(URL_.revokeObjectURL);
    var Blob_ = win.Blob;
    var setTimeout_ = win.setTimeout;
    var stringify = JSON.stringify;
    var defineProperty = Object.defineProperty;
    // What test262's doneprintHandle.js prints when an async test ends, either way.
    var kAsyncDone = /^Test262:AsyncTest(Complete|Failure)/m;
    var kQuietMs = 1000;
    var getEntriesByType = uncurry(Performance.prototype.getEntriesByType);
    var dateNow = Date.now;
    var marked = 'settleStarted' + String(Math.random()).slice(2);

    function blobModule(text) {
      return createObjectURL(URL_, Reflect.construct(Blob_, [[text], { type: 'text/javascript' }]));
    }
    var marker = blobModule('globalThis[' + stringify(marked) + ']();');

    return {
      // A moment of the page's own, for a realm that waits on the network.
      later: function (then_) { setTimeout_(then_, 2); },
      forRealm: function (global, document, evalIn, test262) {
        var entryUrl = origin + test262.path;
        // import() in the test's scripts resolves against the document's base: the test's own URL.
        var base = createElement(document, 'base');
        setAttribute(base, 'href', entryUrl);
        appendChild(document.head || document.documentElement, base);
        var loading = 0;
        var started = false;
        var failed = false;
        // A module whose evaluation has not settled, and an async test that has not said it is
        // done, are waited on while the realm was made, or has fetched something, in the last
        // kQuietMs: a page loader settles import() in tasks of its own, and no page sees a fetch in
        // flight, only each one that has ended well (a refused one leaves no entry).
        var awaitsDone = test262.async === true;
        var performance_ = global.performance;
        var fetched = 0;
        var activeAt = dateNow();

        function load(url, settled) {
          var promise;
          loading++;
          try {
            promise = evalIn('import(' + stringify(url) + ')');
          } catch (error) {
            loading--;
            return settled(true, error);
          }
          then(promise, function () {
            loading--;
            settled(false);
          }, function (error) {
            loading--;
            settled(true, error);
          });
        }

        return {
          waiting: function (api) {
            if (loading > 0 && !started) return true;  // the entry's graph is being fetched
            var evaluating = loading > 0;  // top-level await may import in turn
            var awaitingDone = awaitsDone && !failed && !kAsyncDone.test(api.printed());
            if (!evaluating && !awaitingDone) return false;
            var count = getEntriesByType(performance_, 'resource').length;
            if (count !== fetched) {
              fetched = count;
              activeAt = dateNow();
            }
            return dateNow() - activeAt < kQuietMs;
          },
          run: function (entry, done) {
            var alone = blobModule(entry.code + '\n;import "settle-resolves-nothing-here";');
            load(alone, function (failedAlone, error) {
              revokeObjectURL(URL_, alone);
              if (failedAlone && error instanceof global.SyntaxError) {
                failed = true;
                return done('parse', error);
              }
              defineProperty(global, marked, {
                value: function () {
                  started = true;
                  activeAt = dateNow();
                },
                configurable: true
              });
              var wrapper = blobModule('import ' + stringify(marker) + ';\nimport ' + stringify(entryUrl) + ';');
              load(wrapper, function (failed2, error2) {
                revokeObjectURL(URL_, wrapper);
                try {
                  delete global[marked];
                } catch (ignored) {}
                failed = failed2;
                done(failed2 ? (started ? 'runtime' : 'resolution') : null, error2);
              });
            });
          }
        };
      }
    };
  }

  // The one way in and out of the page under classic WebDriver: the bridge's asynchronous script
  // calls it with requests and a callback, which it calls with the replies once the driver core has
  // answered every request. It is a property of the page's window, which case code reaches through
  // `top`, so it does nothing without the secret that only the bridge and this closure hold; made
  // unchangeable before any case runs.
  function webDriverEntry(win, channel, core, replies) {
    var secret = channel.webdriver.secret;
    var receive = channel.receive;
    Object.defineProperty(win, channel.webdriver.entry, {
      value: function (given, requests, callback) {
        if (given !== secret || typeof callback !== 'function') return;
        for (var i = 0; i < requests.length; i++) receive(requests[i][0], requests[i][1]);
        core.whenIdle(function () {
          var taken = replies.slice(0);
          replies.length = 0;
          callback(taken);
        });
      },
      writable: false,
      configurable: false,
      enumerable: false
    });
  }

  // Case code reaches the page's window through `top`, which no page can change in a same-origin
  // iframe. The page holds no reply channel and no nonce; what remains is made unchangeable, so
  // that no case can change the driver's builtins or leave a callback with the page for later.
  function hardenPage(win) {
    var keep = { window: true, self: true, document: true, location: true, top: true, frames: true, parent: true };
    var kLater = ['setTimeout', 'setInterval', 'requestAnimationFrame', 'requestIdleCallback', 'queueMicrotask',
      'MessageChannel', 'BroadcastChannel', 'scheduler', 'onmessage', 'fetch', 'XMLHttpRequest', 'WebSocket',
      'Worker', 'SharedWorker', 'open', 'eval'];
    for (var k = 0; k < kLater.length; k++) {
      try {
        delete win[kLater[k]];
        Object.defineProperty(win, kLater[k], { value: undefined, writable: false, configurable: false });
      } catch (error) {}
    }
    var names = Object.getOwnPropertyNames(win);
    for (var i = 0; i < names.length; i++) {
      if (keep[names[i]] === true) continue;
      var own;
      try {
        own = Object.getOwnPropertyDescriptor(win, names[i]);
      } catch (error) {
        continue;
      }
      if (!own) continue;
      var value = own.value;
      if (value !== null && (typeof value === 'object' || typeof value === 'function')) {
        try {
          Object.freeze(value);
          if (typeof value === 'function' && value.prototype) Object.freeze(value.prototype);
        } catch (error) {}
      }
      try {
        if (own.configurable) {
          Object.defineProperty(win, names[i], 'value' in own ? { configurable: false, writable: false } : { configurable: false });
        }
      } catch (error) {}
    }
  }

  // ---- in node ----------------------------------------------------------------------------------

  function bridge() {
    var fs = require('fs');
    var path = require('path');
    var childProcess = require('child_process');
    var readline = require('readline');
    var crypto = require('crypto');
    var browserName = process.argv[2];
    var npm = process.argv[3];
    var scratch = process.argv[4];
    var driverText = fs.readFileSync(process.argv[1], 'utf8');
    var puppeteer = require(path.join(npm, 'puppeteer-core'));

    // The profile folder lies in settle's driver folder, which settle removes however the run ends.
    var profileFolder = fs.mkdtempSync(path.join(path.dirname(scratch), browserName + '-profile-'));
    var browserProcess = null;
    var finished = false;
    function finish(status, message) {
      if (finished) return;
      finished = true;
      if (message) process.stderr.write(message + '\n');
      try {
        if (browserProcess) browserProcess.kill('SIGKILL');
      } catch (error) {}
      try {
        fs.rmSync(profileFolder, { recursive: true, force: true });
      } catch (error) {}
      process.exit(status);
    }
    process.on('SIGTERM', function () { finish(1); });

    // CDP over the browser's pipe (fds 3 and 4), NUL-delimited: puppeteer's ConnectionTransport.
    function pipeTransport(toBrowser, fromBrowser) {
      var pending = '';
      var transport = {
        onmessage: null,
        onclose: null,
        send: function (message) { toBrowser.write(message + '\0'); },
        close: function () { toBrowser.end(); }
      };
      fromBrowser.setEncoding('utf8');
      fromBrowser.on('data', function (chunk) {
        pending += chunk;
        var at;
        while ((at = pending.indexOf('\0')) !== -1) {
          var message = pending.slice(0, at);
          pending = pending.slice(at + 1);
          if (transport.onmessage) transport.onmessage(message);
        }
      });
      fromBrowser.on('close', function () { if (transport.onclose) transport.onclose(); });
      toBrowser.on('error', function () {});
      return transport;
    }

    function launchChromium() {
      var args = [
        '--headless', '--remote-debugging-pipe', '--user-data-dir=' + profileFolder,
        '--no-first-run', '--no-default-browser-check', '--disable-gpu', '--disable-extensions',
        '--disable-sync', '--disable-background-networking', '--disable-component-update',
        '--disable-default-apps', '--mute-audio', '--block-new-web-contents', '--deny-permission-prompts',
        '--disable-features=Translate,MediaRouter,OptimizationHints,AutofillServerCommunication',
        // No network: every name resolves to nothing and every connection goes to a closed port.
        '--host-resolver-rules=MAP * ~NOTFOUND', '--proxy-server=http://127.0.0.1:9', '--proxy-bypass-list=<-loopback>',
        '--js-flags=--max-old-space-size=512 --expose-gc',
        'about:blank'
      ];
      // Chromium's sandbox needs user namespaces, which a container's root may not have.
      if (process.getuid && process.getuid() === 0) args.unshift('--no-sandbox');
      browserProcess = childProcess.spawn('chromium', args, {
        stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'],
        // Its temporary files go in the profile folder too, named relative to it: a unix socket's
        // path must be short, and settle's temporary folder may not be.
        cwd: profileFolder,
        env: Object.assign({}, process.env, { TMPDIR: '.' })
      });
      browserProcess.on('error', function (error) { finish(1, 'chromium does not start: ' + error.message); });
      browserProcess.on('exit', function (code, signal) {
        finish(1, 'chromium ended (' + (signal || 'status ' + code) + ')');
      });
      return puppeteer.connect({
        transport: pipeTransport(browserProcess.stdio[3], browserProcess.stdio[4]),
        defaultViewport: null,
        protocolTimeout: 0
      });
    }

    // Firefox over WebDriver BiDi: the remote agent listens on a loopback port that the browser
    // picks and prints. The browser is spawned here, not by puppeteer.launch, which would start it
    // in a process group of its own that settle's kill at a deadline would not reach.
    async function launchFirefox() {
      var browsers = require(path.join(npm, '@puppeteer', 'browsers'));
      await browsers.createProfile(browsers.Browser.FIREFOX, { path: profileFolder, preferences: kFirefoxPrefs });
      var temporary = path.join(profileFolder, 'tmp');
      fs.mkdirSync(temporary);
      browserProcess = childProcess.spawn('firefox-esr', [
        '--headless', '--no-remote', '--profile', profileFolder, '--remote-debugging-port=0', 'about:blank'
      ], {
        stdio: ['ignore', 'ignore', 'pipe'],
        cwd: profileFolder,
        env: Object.assign({}, process.env, {
          TMPDIR: temporary, HOME: profileFolder, MOZ_CRASHREPORTER_DISABLE: '1', MOZ_DISABLE_AUTO_SAFE_MODE: '1'
        })
      });
      browserProcess.on('error', function (error) { finish(1, 'firefox-esr does not start: ' + error.message); });
      browserProcess.on('exit', function (code, signal) {
        finish(1, 'firefox-esr ended (' + (signal || 'status ' + code) + ')');
      });
      var endpoint = await new Promise(function (resolve) {
        var lines = readline.createInterface({ input: browserProcess.stderr, crlfDelay: Infinity });
        lines.on('line', function (line) {
          var found = browsers.WEBDRIVER_BIDI_WEBSOCKET_ENDPOINT_REGEX.exec(line);
          if (found) resolve(found[1]);
        });
      });
      browserProcess.stderr.resume();
      endCrashHelper(browserProcess.pid);
      return puppeteer.connect({
        browserWSEndpoint: endpoint + '/session',
        protocol: 'webDriverBiDi',
        defaultViewport: null,
        protocolTimeout: 0
      });
    }

    // Firefox starts its crash helper in a session of its own, out of the bridge's process group:
    // settle's kill at a deadline or an interrupt would leave it behind (it ends about 2 s after
    // the browser). Nothing here uploads crash reports, so it is ended once the browser is up.
    function endCrashHelper(browserPid) {
      var names = [];
      try {
        names = fs.readdirSync('/proc');
      } catch (error) {}
      names.forEach(function (name) {
        if (!/^[0-9]+$/.test(name)) return;
        try {
          var argv = fs.readFileSync('/proc/' + name + '/cmdline', 'utf8').split('\0');
          if (path.basename(argv[0]) === 'crashhelper' && argv[1] === String(browserPid)) {
            process.kill(Number(name), 'SIGKILL');
          }
        } catch (error) {}
      });
    }

    // No network: every connection goes to a closed port through a proxy that nothing bypasses
    // (loopback included); nothing is fetched in the background; no popup, download or prompt.
    // The JavaScript heap of each content process is capped at 512 MB.
    var kFirefoxPrefs = {
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': 9,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': 9,
      'network.proxy.socks': '127.0.0.1',
      'network.proxy.socks_port': 9,
      'network.proxy.share_proxy_settings': true,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true,
      'network.proxy.socks_remote_dns': true,
      'network.dns.disablePrefetch': true,
      'network.prefetch-next': false,
      'network.predictor.enabled': false,
      'media.peerconnection.enabled': false,
      'dom.serviceWorkers.enabled': false,
      'dom.disable_open_during_load': true,
      'dom.block_download_insecure': true,
      'browser.download.enabled': false,
      'browser.download.useDownloadDir': true,
      'browser.download.folderList': 2,
      'browser.download.dir': '/nonexistent',
      'permissions.default.geo': 2,
      'permissions.default.camera': 2,
      'permissions.default.microphone': 2,
      'permissions.default.desktop-notification': 2,
      'permissions.default.xr': 2,
      'dom.webnotifications.enabled': false,
      'javascript.options.mem.max': 512,
      'fission.webContentIsolationStrategy': 0
    };

    // The last 2000 characters a process wrote to a stream, to name why it ended: a function.
    function tailOf(stream) {
      var tail = '';
      stream.setEncoding('utf8');
      stream.on('data', function (chunk) { tail = (tail + chunk).slice(-2000); });
      return function () { return tail.trim(); };
    }

    // test262's modules, which the page's own module loader fetches from kModuleOrigin: the files of
    // the running test's folder, and its entry, as settle sends them. Nothing else is served.
    var kModuleOrigin = 'http://settle.test/';
    // A JSON module must come as JSON (HTML checks the MIME type), every other file as JavaScript.
    function moduleHeaders(path) {
      var json = /\.json$/.test(path);
      return {
        'Content-Type': (json ? 'application/json' : 'text/javascript') + '; charset=utf-8',
        'Access-Control-Allow-Origin': '*',
        'Cache-Control': 'no-store'
      };
    }
    var testFiles = (function () {
      var folders = {};  // folder -> {path: code}
      var current = null;  // the running test's {folder, path, code}
      // The last string value of key in a request line, read from its end without parsing it:
      // settle writes keys in order, so "type" and test262's "folder" come after
      // the code (whose quotes are escaped, so these never match inside it).
      function lastString(line, key) {
        var at = line.lastIndexOf('"' + key + '":"');
        return at === -1 ? null : line.slice(at + key.length + 4, line.indexOf('"', at + key.length + 4));
      }
      return {
        // A request line: only module folders, and cases that can load modules, are parsed.
        see: function (line) {
          var type = lastString(line, 'type');
          if (type === 'module_folder') {
            var request = JSON.parse(line);
            var files = {};
            (request.files || []).forEach(function (file) { files[file.name] = file.code; });
            folders[request.folder] = files;
          } else if (type === 'case') {
            current = null;
            if (lastString(line, 'folder') === null) return;
            var test = JSON.parse(line);
            current = { folder: test.test262.folder, path: test.test262.path, code: test.code };
          }
        },
        // What is served at a URL, {body, headers}, or null.
        serve: function (url) {
          if (!current || url.slice(0, kModuleOrigin.length) !== kModuleOrigin) return null;
          var path;
          try {
            path = decodeURIComponent(new URL(url).pathname.slice(1));
          } catch (error) {
            return null;
          }
          var files = folders[current.folder];
          var body = path === current.path ? current.code
            : files && Object.prototype.hasOwnProperty.call(files, path) ? files[path] : null;
          return body === null ? null : { body: body, headers: moduleHeaders(path) };
        }
      };
    })();

    // WebKitGTK: WebKitWebDriver on a loopback port starts MiniBrowser in automation mode, on a
    // display of an Xvfb of this process group (MiniBrowser has no headless mode; settle ends the
    // group, Xvfb, MiniBrowser and its web processes with it, however the bridge ends). With
    // -nolock and only the abstract socket, the display leaves no file behind.
    function startXvfb() {
      var args = ['-displayfd', '3', '-nolisten', 'tcp', '-nolisten', 'unix', '-screen', '0', '1280x800x24'];
      if (process.getuid && process.getuid() === 0) args.splice(2, 0, '-nolock');
      var xvfb = childProcess.spawn('Xvfb', args, { stdio: ['ignore', 'ignore', 'pipe', 'pipe'], cwd: profileFolder });
      var stderr = tailOf(xvfb.stderr);
      return new Promise(function (resolve, reject) {
        var number = '';
        xvfb.on('error', function (error) { reject(new Error('Xvfb does not start: ' + error.message)); });
        xvfb.on('exit', function (code) { reject(new Error('Xvfb ended (status ' + code + '): ' + stderr())); });
        xvfb.stdio[3].setEncoding('utf8');
        xvfb.stdio[3].on('data', function (chunk) {
          number += chunk;
          if (number.indexOf('\n') !== -1) resolve(':' + number.trim());
        });
      });
    }

    function loopbackPort() {
      var net = require('net');
      return new Promise(function (resolve, reject) {
        var server = net.createServer();
        server.on('error', reject);
        server.listen(0, '127.0.0.1', function () {
          var port = server.address().port;
          server.close(function () { resolve(port); });
        });
      });
    }

    // An HTTP proxy on a loopback port, the only way out of the page under classic WebDriver, which
    // has no request interception: it answers the test's modules and refuses everything else.
    function moduleProxy() {
      var server = require('http').createServer(function (request, response) {
        var served = request.method === 'GET' ? testFiles.serve(request.url) : null;
        if (served === null) {
          response.writeHead(403);
          return response.end();
        }
        response.writeHead(200, served.headers);
        response.end(served.body);
      });
      server.on('connect', function (request, socket) { socket.destroy(); });
      return new Promise(function (resolve, reject) {
        server.on('error', reject);
        server.listen(0, '127.0.0.1', function () { resolve(server.address().port); });
      });
    }

    async function launchWebKit() {
      var display = await startXvfb();
      var port = await loopbackPort();
      var proxy = '127.0.0.1:' + await moduleProxy();
      var env = Object.assign({}, process.env, {
        DISPLAY: display, TMPDIR: profileFolder, HOME: profileFolder, XDG_CACHE_HOME: path.join(profileFolder, 'cache'),
        XDG_DATA_HOME: path.join(profileFolder, 'data'), XDG_CONFIG_HOME: path.join(profileFolder, 'config'),
        XDG_RUNTIME_DIR: profileFolder, NO_AT_BRIDGE: '1', GIO_USE_VFS: 'local'
      });
      // WebKit's bubblewrap sandbox needs user namespaces, which a container's root may not have.
      if (process.getuid && process.getuid() === 0) env.WEBKIT_DISABLE_SANDBOX_THIS_IS_DANGEROUS = '1';
      browserProcess = childProcess.spawn('WebKitWebDriver', ['--port=' + port, '--host=local'], {
        stdio: ['ignore', 'ignore', 'pipe'], cwd: profileFolder, env: env
      });
      var stderr = tailOf(browserProcess.stderr);
      browserProcess.on('error', function (error) { finish(1, 'WebKitWebDriver does not start: ' + error.message); });
      browserProcess.on('exit', function (code, signal) {
        finish(1, 'WebKitWebDriver ended (' + (signal || 'status ' + code) + '): ' + stderr());
      });
      var webdriver = require(path.join(npm, 'selenium-webdriver'));
      var capabilities = {
        browserName: 'MiniBrowser',
        'webkitgtk:browserOptions': { binary: kMiniBrowser, args: ['--automation'] },
        // No network: every request goes through a proxy that nothing bypasses, the bridge's own,
        // which answers only the test's modules.
        proxy: { proxyType: 'manual', httpProxy: proxy, sslProxy: proxy, noProxy: [] }
      };
      // The driver's port opens a moment after it starts.
      for (var attempt = 0; ; attempt++) {
        try {
          return await new webdriver.Builder().usingServer('http://127.0.0.1:' + port).withCapabilities(capabilities).build();
        } catch (error) {
          if (attempt >= 50 || !/ECONNREFUSED/.test(String(error && error.message))) throw error;
          await new Promise(function (resolve) { setTimeout(resolve, 50); });
        }
      }
    }
    var kMiniBrowser = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

    // The page's driver over classic WebDriver: one asynchronous script at a time takes the requests
    // read since the last one into the page and comes back with the replies once they are answered.
    async function startWebKit() {
      var driver = await launchWebKit();
      // No script timeout: WebKit would time a script with the page's setTimeout, which the page
      // does not keep (hardenPage). settle keeps the deadlines.
      await driver.manage().setTimeouts({ script: null });
      var capabilities = await driver.getCapabilities();
      var release = capabilities.get('browserVersion');
      var version = release + ' (JavaScriptCore ' + release + ')';
      var entry = 'settle' + crypto.randomBytes(12).toString('hex');
      var secret = crypto.randomBytes(24).toString('hex');
      await driver.executeScript(
        'var settleBrowserChannel = { webdriver: { entry: arguments[0], secret: arguments[1] }, version: arguments[2],\n' +
          '  moduleOrigin: arguments[3], untrustedRejectionEvents: true };\n' +
          driverText,
        entry, secret, version, kModuleOrigin);
      var pending = [];
      var polling = false;
      function poll() {
        polling = true;
        var requests = pending;
        pending = [];
        driver.executeAsyncScript('var a = arguments; window[a[0]](a[1], a[2], a[a.length - 1]);', entry, secret, requests)
          .then(function (replies) {
            for (var i = 0; i < replies.length; i++) process.stdout.write(replies[i] + '\n');
            polling = false;
            if (pending.length > 0) poll();
          }, function (error) { finish(1, 'the page does not take requests: ' + error.message); });
      }
      return function deliver(line, at) {
        pending.push([line, at]);
        if (!polling) poll();
      };
    }

    async function start() {
      if (browserName === 'firefox') return startFirefox();
      if (browserName === 'webkitgtk') return startWebKit();
      if (browserName !== 'chromium') throw new Error('no browser named ' + browserName);
      var browser = await launchChromium();
      var pages = await browser.pages();
      var page = pages.length > 0 ? pages[0] : await browser.newPage();
      page.on('error', function (error) { finish(1, 'the page crashed: ' + error.message); });
      var session = await page.createCDPSession();
      var versions = await session.send('Browser.getVersion');
      var version = versions.product.replace(/^(Headless)?Chrome\//, '') + ' (V8 ' + versions.jsVersion + ')';
      // Nothing the page asks for leaves the browser: only the test's modules are answered.
      await session.send('Fetch.enable', { patterns: [{ urlPattern: '*' }] });
      session.on('Fetch.requestPaused', function (event) {
        var served = event.request.method === 'GET' ? testFiles.serve(event.request.url) : null;
        var answer = served === null
          ? session.send('Fetch.failRequest', { requestId: event.requestId, errorReason: 'BlockedByClient' })
          : session.send('Fetch.fulfillRequest', {
            requestId: event.requestId,
            responseCode: 200,
            responseHeaders: Object.keys(served.headers).map(function (name) {
              return { name: name, value: served.headers[name] };
            }),
            body: Buffer.from(served.body, 'utf8').toString('base64')
          });
        answer.catch(function () {});
      });
      await session.send('Browser.setDownloadBehavior', { behavior: 'deny' }).catch(function () {});
      var binding = 'settle' + crypto.randomBytes(12).toString('hex');
      session.on('Runtime.bindingCalled', function (event) {
        if (event.name === binding) process.stdout.write(event.payload + '\n');
      });
      await session.send('Runtime.addBinding', { name: binding });
      var made = await session.send('Runtime.evaluate', {
        expression: '(function (settleBrowserChannel) {\n' + driverText +
          '\nreturn settleBrowserChannel.receive;\n})'
      });
      if (made.exceptionDetails) throw new Error('the driver does not load: ' + made.exceptionDetails.text);
      var receiver = await session.send('Runtime.callFunctionOn', {
        functionDeclaration: 'function (binding, version, moduleOrigin) {\n' +
          '  return this({ binding: binding, version: version, moduleOrigin: moduleOrigin });\n}',
        objectId: made.result.objectId,
        arguments: [{ value: binding }, { value: version }, { value: kModuleOrigin }]
      });
      if (receiver.exceptionDetails) throw new Error('the driver does not start: ' + receiver.exceptionDetails.text);
      var receive = receiver.result.objectId;
      function deliver(line, at) {
        session.send('Runtime.callFunctionOn', {
          functionDeclaration: 'function (line, at) { this(line, at); }',
          objectId: receive,
          arguments: [{ value: line }, { value: at }]
        }).catch(function (error) { finish(1, 'the page does not take requests: ' + error.message); });
      }
      return deliver;
    }

    // The page's driver over BiDi: its replies come through a channel (script.message events), its
    // requests go in by script.callFunction on the handle of its receive function.
    async function startFirefox() {
      var browser = await launchFirefox();
      var pages = await browser.pages();
      var page = pages.length > 0 ? pages[0] : await browser.newPage();
      page.on('error', function (error) { finish(1, 'the page crashed: ' + error.message); });
      // BiDi's browserVersion leaves out the release channel that Debian's package names.
      var product = (await browser.version()).replace(/^firefox\//i, '') + 'esr';
      var version = product + ' (SpiderMonkey ' + product.split('.')[0] + ')';
      // Nothing the page asks for leaves the browser: only the test's modules are answered.
      await page.setRequestInterception(true);
      page.on('request', function (request) {
        var served = request.method() === 'GET' ? testFiles.serve(request.url()) : null;
        var answer = served === null
          ? request.abort('blockedbyclient')
          : request.respond({ status: 200, headers: served.headers, body: served.body });
        answer.catch(function () {});
      });
      var connection = browser.connection;
      var tree = await connection.send('browsingContext.getTree', { maxDepth: 0 });
      var context = tree.result.contexts[0].context;
      var channel = 'settle' + crypto.randomBytes(12).toString('hex');
      connection.on('script.message', function (event) {
        if (event.channel === channel && event.data && event.data.type === 'string') {
          process.stdout.write(event.data.value + '\n');
        }
      });
      var made = await connection.send('script.callFunction', {
        functionDeclaration: 'function (send, version, moduleOrigin) {\n' +
          'var settleBrowserChannel = { send: send, version: version, moduleOrigin: moduleOrigin };\n' +
          driverText + '\nreturn settleBrowserChannel.receive;\n}',
        arguments: [
          { type: 'channel', value: { channel: channel, ownership: 'none' } },
          { type: 'string', value: version },
          { type: 'string', value: kModuleOrigin }
        ],
        target: { context: context },
        awaitPromise: false,
        resultOwnership: 'root'
      });
      if (made.result.type === 'exception') {
        throw new Error('the driver does not load: ' + made.result.exceptionDetails.text);
      }
      var receive = made.result.result.handle;
      var realm = made.result.realm;
      return function deliver(line, at) {
        connection.send('script.callFunction', {
          functionDeclaration: 'function (line, at) { this(line, at); }',
          this: { handle: receive },
          arguments: [{ type: 'string', value: line }, { type: 'number', value: at }],
          target: { realm: realm },
          awaitPromise: false,
          resultOwnership: 'none'
        }).catch(function (error) { finish(1, 'the page does not take requests: ' + error.message); });
      };
    }

    var queued = [];
    var deliver = null;
    var input = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
    // Each line goes with the time the bridge read it, from which the page counts a case's
    // timeout: the way into the page may be slow on a loaded machine.
    input.on('line', function (line) {
      testFiles.see(line);
      if (deliver) deliver(line, Date.now());
      else queued.push([line, Date.now()]);
    });
    input.on('close', function () { finish(0); });
    start().then(function (ready) {
      deliver = ready;
      queued.forEach(function (entry) { deliver(entry[0], entry[1]); });
      queued = [];
    }, function (error) {
      finish(1, browserName + ' does not start: ' + error.message);
    });
  }
})();
