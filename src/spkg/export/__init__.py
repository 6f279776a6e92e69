"""Export the dataset as linked data: dumps in six syntaxes, VoID/DCAT, a JSON-LD @context,
and (``site``) the resource pages as a static site."""

from spkg.export.dumps import DUMPS, export_canonical, export_dataset

__all__ = ["DUMPS", "export_canonical", "export_dataset"]
