"""Helpers of the bench scripts and the scale tests, kept out of the shipped package: a
synthetic corpus built from real articles (corpus), garbage documents (garbage), and an HTTP
load generator (loadtest). Bench scripts put the checkout root on ``sys.path`` and import
``bench.helpers``; tests import it from the checkout root (pytest's ``pythonpath``)."""
