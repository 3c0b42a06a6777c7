// What one fresh iframe realm costs a browser, the floor under a browser profile's case-runs/s
// (bench/realm_cost.sh). The page makes an iframe, evaluates 1+1 in it, removes it and yields to
// the next task, N times; the same loop without the iframe is the baseline. CPU is the browser's
// whole process tree (browser, renderer, GPU and utility processes) and this node, from /proc.
'use strict';
const childProcess = require('child_process');
const fs = require('fs');
const path = require('path');

const [npm, browserName, count] = process.argv.slice(2);
const puppeteer = require(path.join(npm, 'puppeteer-core'));
const N = Number(count) || 300;
const ticksPerSecond = Number(childProcess.execSync('getconf CLK_TCK').toString()) || 100;

function treeCpuSeconds(root) {
  const children = {};
  for (const line of childProcess.execSync('ps -e -o pid=,ppid=').toString().trim().split('\n')) {
    const [pid, parent] = line.trim().split(/\s+/).map(Number);
    (children[parent] = children[parent] || []).push(pid);
  }
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop();
    try {
      const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      total += (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;  // utime, stime
    } catch (gone) {}
    stack.push(...(children[pid] || []));
  }
  return total;
}

// Runs in the page: n rounds, each a task of its own (a MessageChannel hop, as the adapter's).
function loop(n, withRealm) {
  return new Promise(function (resolve) {
    const channel = new MessageChannel();
    let i = 0;
    channel.port1.onmessage = function () {
      if (i++ === n) return resolve();
      if (withRealm) {
        const frame = document.createElement('iframe');
        document.body.appendChild(frame);
        frame.contentWindow.eval('1+1');
        frame.remove();
      }
      channel.port2.postMessage(0);
    };
    channel.port2.postMessage(0);
  });
}

async function measure(page, pid, withRealm) {
  const cpu0 = treeCpuSeconds(pid);
  const node0 = process.cpuUsage();
  const start = Date.now();
  await page.evaluate(loop, N, withRealm);
  const wall = (Date.now() - start) / 1000;
  const node = process.cpuUsage(node0);
  const cpu = treeCpuSeconds(pid) - cpu0 + (node.user + node.system) / 1e6;
  return { cpuMs: (1000 * cpu) / N, wallMs: (1000 * wall) / N };
}

function executable(name) {
  return childProcess.execSync('command -v ' + name, { shell: '/bin/sh' }).toString().trim();
}

(async function () {
  const browser = browserName === 'firefox'
    ? await puppeteer.launch({ browser: 'firefox', executablePath: executable('firefox-esr'), headless: true })
    : await puppeteer.launch({
        executablePath: executable('chromium'), headless: true, pipe: true,
        args: ['--no-sandbox', '--disable-gpu', '--disable-extensions', '--no-first-run']
      });
  try {
    const page = (await browser.pages())[0] || (await browser.newPage());
    const pid = browser.process().pid;
    await page.evaluate(loop, 20, true);  // warm up
    const bare = await measure(page, pid, false);
    const realm = await measure(page, pid, true);
    const cores = require('os').cpus().length;
    const perRealm = realm.cpuMs - bare.cpuMs;
    console.log(`${browserName}: ${N} iframe realms: ${realm.cpuMs.toFixed(1)} ms CPU and ${realm.wallMs.toFixed(1)} ms ` +
      `wall each (a bare task hop: ${bare.cpuMs.toFixed(1)} and ${bare.wallMs.toFixed(1)}); the realm alone ` +
      `${perRealm.toFixed(1)} ms CPU: at most ${Math.floor((1000 * cores) / perRealm)} case-runs/s on ${cores} cores`);
  } finally {
    await browser.close();
  }
})().catch(function (error) {
  console.error(browserName + ': ' + error.message);
  process.exitCode = 1;
});
