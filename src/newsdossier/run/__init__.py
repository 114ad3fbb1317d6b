"""Running the notebooks: the declared steps, the papermill runner, HTML and PDF rendering."""
