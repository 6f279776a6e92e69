"""One module per `spkg` command: argument definitions and a thin call into the library."""
