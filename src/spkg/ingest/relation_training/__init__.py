"""Training and evaluating the learned relation proposer (developers only): examples from
the annotated batches under tests/extract, a logistic regression (the ``train`` extra,
scikit-learn), leave-one-batch-out thresholds, and the shipped weights file."""
