# Ship or Skip — every command installs what it needs first (scripts/setup.sh).
#   make serve   serve the app with the shipped catalog at http://127.0.0.1:8080/
#   make test    run every test (native, catalog check, wasm in Chromium, end-to-end in
#                Chromium, Firefox and WebKit; E2E_ENGINES=firefox,webkit narrows it)
#   make e2e     the end-to-end scenarios alone; E2E_ONLY=seed_comparisons,storage runs the
#                scenarios whose name or area starts with one of the words (make test too)
#   make build   release build in dist/ (DIST=… elsewhere; PUBLIC_URL=/ship-or-skip/ for a sub-path;
#                PRERENDER_TOOLS=all or a number: how many tool pages, docs/scale.md)
#   make deploy-s3   upload dist/ to an S3-compatible bucket (S3_BUCKET, S3_ENDPOINT and
#                the AWS_ credentials; scripts/deploy-s3.sh, docs/scale.md)
#   make lint    cargo fmt --check and clippy -D warnings
#   make sizes   gzip size of every file in dist/
#   make lighthouse   Lighthouse scores, FCP and LCP of three pages
#   make fuzz    property tests of parse, typing, validate, verdicts and search: 8 × FUZZ_SECONDS (120) in release
#   make bench   sizes and first results at 1k/10k/100k tools; search vs five JS peers on four corpora (docs/bench.md)

SHELL := /bin/bash
PUBLIC_URL ?= /
# Where `make build` writes the site (and `make sizes`, `make deploy-s3` read it).
DIST ?= dist
PORT ?= 8080
E2E_DIST := target/e2e-dist
E2E_DIST_ROOT := target/e2e-dist-root
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/node_modules/.bin:$(PATH)
TRUNK_BUILD := trunk build --release --offline --locked

.PHONY: serve build test e2e lint sizes setup setup-browser e2e-dist wasm-test fmt screenshots lighthouse fuzz bench twiggy deploy-s3

setup:
	@scripts/setup.sh

setup-browser:
	@scripts/setup.sh --browser

serve: setup
	@echo "Serving Ship or Skip at http://127.0.0.1:$(PORT)/"
	trunk serve --offline --locked --address 127.0.0.1 --port $(PORT)

build: setup
	$(TRUNK_BUILD) --public-url $(PUBLIC_URL) --dist $(DIST)
	@scripts/sizes.sh $(DIST)

sizes:
	@scripts/sizes.sh $(DIST)

deploy-s3:
	@scripts/setup.sh --deploy
	scripts/deploy-s3.sh $(DIST)

# Where the main module's bytes go, by item and by crate (scripts/twiggy.sh; after `make build`).
twiggy:
	@scripts/twiggy.sh

# The end-to-end builds: release, under the GitHub Pages sub-path and at the site root
# (the second reuses the compiled wasm; only bindgen and wasm-opt run again).
e2e-dist: setup
	$(TRUNK_BUILD) --public-url /ship-or-skip/ --dist $(E2E_DIST)
	$(TRUNK_BUILD) --public-url / --dist $(E2E_DIST_ROOT)
	@scripts/sizes.sh $(E2E_DIST)

test: setup-browser e2e-dist
	cargo run --locked --quiet --bin catalog -- check public/catalog.json
	E2E_DIST=$(E2E_DIST) E2E_DIST_ROOT=$(E2E_DIST_ROOT) cargo test --locked --no-fail-fast
	$(MAKE) --no-print-directory wasm-test

# The end-to-end scenarios only (tests/e2e/): `cargo test --test e2e -- --list` names them.
e2e: setup-browser e2e-dist
	E2E_DIST=$(E2E_DIST) E2E_DIST_ROOT=$(E2E_DIST_ROOT) cargo test --locked --test e2e

wasm-test:
	cargo test --locked --target wasm32-unknown-unknown --test browser

lint:
	cargo fmt --check
	cargo clippy --locked --all-targets -- -D warnings

fmt:
	cargo fmt

screenshots: setup-browser e2e-dist
	E2E_DIST=$(E2E_DIST) cargo test --locked --test e2e -- --ignored screenshots

# Lighthouse (mobile preset) on a comparison, a tool page and home of the e2e build,
# served like GitHub Pages: the four category scores, FCP and LCP.
lighthouse: setup-browser e2e-dist
	scripts/lighthouse.sh $(E2E_DIST)

# The benchmark (scripts/bench.sh, tests/bench.rs): one table, timings reported, never asserted.
bench: setup-browser
	scripts/bench.sh

# The long fuzz run (docs/hostile.md): each property of tests/fuzz.rs for FUZZ_SECONDS, one
# after another, in batches of FUZZ_CASES fresh inputs; each prints its input count and time.
# `make test` runs a few hundred inputs per property.
fuzz:
	FUZZ_SECONDS=$${FUZZ_SECONDS:-120} PROPTEST_CASES=$${FUZZ_CASES:-1000} cargo test --locked --release --test fuzz -- --nocapture --test-threads 1
