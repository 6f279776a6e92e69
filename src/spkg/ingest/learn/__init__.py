"""The learned relation proposer at ingest time: candidate mention pairs, their features,
and the linear model (pure Python) with its shipped weights. Training lives in
spkg.ingest.relation_training (developers only)."""
