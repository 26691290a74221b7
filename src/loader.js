// The page loader, inlined into every page by `catalog site` (src/bin/catalog/site.rs),
// which writes this build's file names into the constants below.
// Over a prerendered page it starts after the first paint: a frame, then a task. A window
// that draws no frames (a background tab, an occluded window) starts at once or within
// half a second. The bare app shell (404.html, its skeleton) has nothing to show: at once.
// The app's glue and wasm.
const app = ['APP_JS', 'APP_WASM'];
// A page other than home needs the pages chunk (src/app/lazy.rs) and the small chunks it
// shares with the index chunk: they are fetched alongside the app, not after it.
const chunks = ['PAGES_CHUNKS'];
// The islands modules of the prerendered pages that need nothing else, by kind of page
// (src/app/islands/): they make the page live in place, and the app is never
// downloaded.
const islands = { 'ISLANDS': [] };
const drawIslands = async (kind) => {
  const [js, wasm] = islands[kind] || [];
  if (!js) throw new Error('no islands module for ' + kind + ' pages');
  const mod = await import(js);
  await mod.default({ module_or_path: wasm });
  // The islands are drawn over several tasks: a panic in one of them (a wasm trap)
  // hands the page to the app, as an error before they start does.
  const trapped = (e) => {
    if (!(e.error instanceof WebAssembly.RuntimeError) || document.querySelector('#app[data-live]')) return;
    removeEventListener('error', trapped);
    console.error(e.error);
    start();
  };
  addEventListener('error', trapped);
  mod.islands();
};
// What the reader presses, changes and types on a page live through its islands before
// they are drawn: the islands module takes the list, ends it, and does them again once
// drawn (src/app/islands/later.rs).
const kind = document.querySelector('#app[data-islands]')?.dataset.islands;
if (kind) {
  window.shipOrSkipEarly = [];
  for (const type of ['click', 'change', 'input']) addEventListener(type, (e) => window.shipOrSkipEarly?.push(e), true);
}
const home = new URL(document.baseURI).pathname;
const atHome = () => location.pathname === home || location.pathname === home + 'index.html';
// One start at a time; one that failed (offline before the worker kept the app) may be
// tried again.
let started = null;
const start = () => {
  if (started) return started;
  // The app draws the page anew: nothing is left to press again.
  window.shipOrSkipEarly = undefined;
  if (!atHome()) {
    for (const href of chunks) {
      document.head.append(Object.assign(document.createElement('link'), { rel: 'preload', as: 'fetch', href, crossOrigin: 'anonymous' }));
    }
  }
  started = import(app[0]).then(({ default: init }) => init({ module_or_path: app[1] }));
  started.catch(() => { started = null; });
  return started;
};
window.shipOrSkipApp = start;
// `/` on a page that loads home (the shortcut, src/app/components/shortcuts.rs) asks for
// its search as `#search`: the field is in the static page, so it takes the keys at once.
if (location.hash === '#search') document.getElementById('search')?.focus();
let booted = false;
const boot = async () => {
  if (booted) return;
  booted = true;
  if (kind) {
    try {
      await drawIslands(kind);
      return;
    } catch (e) {
      // The app draws the same page: a reader never keeps a page that does nothing.
      console.error(e);
    }
  }
  start();
};
if (document.visibilityState === 'hidden' || document.querySelector('#app .skeleton')) boot();
else { requestAnimationFrame(() => setTimeout(boot)); setTimeout(boot, 500); }
