"""The scale promise: a council-sized dataset in bulk (`seed_scale`) and a benchmark (`bench`).

This app sits at the top of the import layering: it may import every other app.
"""
