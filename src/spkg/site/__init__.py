"""`spkg export --site`: the resource pages as a static site, rendered by spkg.pages (as the
server's are) with what a site without a server must work out ahead (precomputed)."""

from spkg.site.writer import resource_paths, write_site

__all__ = ["resource_paths", "write_site"]
