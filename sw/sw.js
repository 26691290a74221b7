// Ship or Skip service worker: the whole build precached under one build id, so a page
// never mixes files of two builds. `catalog site` prepends `BUILD`, `ON_VISIT` (the
// folders of pages kept as visited instead) and `FILES` (every other file of dist/, from
// the real build) and writes dist/sw.js.
const PREFIX = 'ship-or-skip-';
const CACHE = PREFIX + BUILD;
// The catalog is data, not code: its last good copy outlives builds. So are a split
// catalog's index and tool files (`docs/catalog.md`), which are never precached.
const DATA = PREFIX + 'data';
const scope = self.registration.scope;
const at = (file) => new URL(file, scope).href;
// The app shell as Trunk built it (index.html is the prerendered home page).
const SHELL = at('404.html');
const CATALOG = at('catalog.json');
const INDEX = at('catalog-index.json');
const TOOLS = at('tools/');
const isData = (path) => path === CATALOG || path === INDEX || (path.startsWith(TOOLS) && path.endsWith('.json'));

self.addEventListener('install', (event) => {
  // `reload` skips the HTTP cache, which may still hold the previous build's index.html.
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      cache.addAll(FILES.map((f) => new Request(at(f), { cache: 'reload' }))))
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith(PREFIX) && key !== CACHE && key !== DATA) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

// A waiting worker takes over only when the reader asks ("Reload" on the update notice).
self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET' || !req.url.startsWith(scope)) return;
  const path = req.url.split(/[?#]/)[0];
  if (isData(path)) {
    event.respondWith(data(req, path));
    return;
  }
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    // A file, or a route's prerendered page: `/` → index.html, `/tool/x` → tool/x.html.
    const candidates = path.endsWith('/') ? [path + 'index.html'] : [path, path + '.html'];
    for (const c of candidates) {
      const hit = await cache.match(c);
      if (hit) return hit;
    }
    if (req.mode === 'navigate') {
      // A page of a folder not precached (a large catalog's tool pages): the network's,
      // kept for offline once visited. Offline, or where the build has no page (the host
      // answers 404), the shell draws it from the data.
      if (ON_VISIT.some((dir) => path.startsWith(at(dir)))) {
        try {
          const res = await fetch(req);
          if (res.ok) {
            await cache.put(path, res.clone());
            return res;
          }
        } catch (_) {
          // Offline: the shell.
        }
      }
      // Any other page of the app (a deep link) is the app shell of this build.
      const shell = await cache.match(SHELL);
      if (shell) return shell;
    }
    return fetch(req);
  })());
});

// Network first, so a new catalog shows as soon as the reader is online; the last copy
// that parsed as JSON when offline or when the server fails.
async function data(req, path) {
  const kept = await caches.open(DATA);
  try {
    const res = await fetch(req, { cache: 'no-cache' });
    if (res.ok) {
      try {
        JSON.parse(await res.clone().text());
        await kept.put(path, res.clone());
      } catch (_) {
        // Not JSON: passed on for the app to explain, never kept as the offline copy.
      }
      return res;
    }
    return (await kept.match(path)) || (await caches.match(path)) || res;
  } catch (err) {
    const copy = (await kept.match(path)) || (await caches.match(path));
    if (copy) return copy;
    throw err;
  }
}
