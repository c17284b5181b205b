# Convenience targets; the scripts are the source of truth (they work without make).
.PHONY: setup demo test bench bundle
setup: ; bash scripts/setup.sh --test
demo: ; bash scripts/demo.sh
test: ; bash scripts/test.sh
bench: ; .venv/bin/python benchmarks/run.py
bundle: ; bash scripts/bundle.sh
