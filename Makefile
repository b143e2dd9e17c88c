# wirewatch: `make run` runs the whole pipeline with the dashboard; `make test` runs every test.
.PHONY: run test test-fast check format bench clean compile uncompile devdata-negotiation train train-cv screenshots

run:
	scripts/bootstrap.sh
	.venv/bin/wirewatch up

test:
	scripts/bootstrap.sh --test
	.venv/bin/python -m pytest

test-fast:
	.venv/bin/python -m pytest -m "not integration and not browser"

# the README's dashboard images (docs/dashboard-*.png), from the demo stream in real Chromium
screenshots:
	WIREWATCH_README_SHOTS=1 .venv/bin/python -m pytest -q tests/dashboard/test_browser_views.py -k readme_screenshots

check:
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .
	.venv/bin/mypy

format:
	.venv/bin/ruff check --fix .
	.venv/bin/ruff format .

bench:
	.venv/bin/python bench/bench_extract.py
	.venv/bin/python bench/bench_dashboard.py
	.venv/bin/python bench/bench_pipeline.py

# the extraction engine as C extension modules (mypyc; bootstrap does it), or back to Python
compile:
	.venv/bin/python scripts/compile_extraction.py

uncompile:
	.venv/bin/python scripts/compile_extraction.py --clean

# negotiation dev corpora (public ACLED exports, AG News wire snippets, HuffPost news snippets, the mined, fresh, WorldPost, Reuters, VOA, two Gaza, world-headlines, Sudan, India, Iran and US news sets; see scripts/devdata/) and its sentence model
devdata-negotiation:
	.venv/bin/python scripts/devdata/build_negotiation.py
	.venv/bin/python scripts/devdata/build_negotiation_news.py
	.venv/bin/python scripts/devdata/build_negotiation_huffpost.py
	.venv/bin/python scripts/devdata/build_negotiation_mined.py
	.venv/bin/python scripts/devdata/build_negotiation_fresh.py
	.venv/bin/python scripts/devdata/build_negotiation_worldpost.py
	.venv/bin/python scripts/devdata/build_negotiation_reuters.py
	.venv/bin/python scripts/devdata/build_negotiation_voa.py
	.venv/bin/python scripts/devdata/build_negotiation_gaza.py
	.venv/bin/python scripts/devdata/build_negotiation_worldheadlines.py
	.venv/bin/python scripts/devdata/build_negotiation_gazaoutlets.py
	.venv/bin/python scripts/devdata/build_negotiation_sudan.py
	.venv/bin/python scripts/devdata/build_negotiation_india.py
	.venv/bin/python scripts/devdata/build_negotiation_iran.py
	.venv/bin/python scripts/devdata/build_negotiation_us.py

# the sentence model: trained on the dev halves, then measured on them (the bench without
# --dev-only adds the untuned halves); train-cv prints the grouped cross-validation behind it
train: devdata-negotiation
	.venv/bin/python scripts/devdata/train_negotiation.py
	.venv/bin/python bench/accuracy_negotiation.py --dev-only

train-cv: devdata-negotiation
	.venv/bin/python scripts/devdata/train_negotiation.py --cv

clean:
	-.venv/bin/wirewatch broker stop
	rm -rf .wirewatch artifacts
