"""Domain logic of the Cities and Migration site: plain Python, no MkDocs import (see README)."""
