"""The pages for people, rendered once for the live server and the static site: lookups over a
pyoxigraph store (graphview), what each page shows (views, home, dashboards, coverage, search,
query_forms, explain), the Jinja2 templates and static files (render), and a resource's RDF
(resources). It imports no web framework and nothing of the server or the site, so both import
it and neither imports the other."""
