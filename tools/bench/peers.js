// The five peers of `make bench`, bundled by esbuild into one script the bench page
// runs (tests/search_bench.rs): each as its documentation imports it.
import FlexSearch from 'flexsearch';
import MiniSearch from 'minisearch';
import uFuzzy from '@leeoniya/ufuzzy';
import { create, insertMultiple, search } from '@orama/orama';
import Fuse from 'fuse.js';

window.Peers = { FlexSearch, MiniSearch, uFuzzy, orama: { create, insertMultiple, search }, Fuse };
