"""Upload handling that never writes a plaintext temporary file.

Django spools large uploads to a plaintext file in the temp folder; this handler
writes every upload into an :class:`EncryptedTempFile` under an in-memory key instead.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.core.files.uploadhandler import FileUploadHandler, StopUpload

from safepassage.cores.crypto import EncryptedTempFile


class EncryptedTempFileUploadHandler(FileUploadHandler):
    def new_file(self, *args: Any, **kwargs: Any) -> None:
        super().new_file(*args, **kwargs)
        self.temporary = EncryptedTempFile()
        self.received = 0

    def receive_data_chunk(self, raw_data: bytes, start: int) -> None:
        self.received += len(raw_data)
        if self.received > settings.MAX_UPLOAD_BYTES:
            self.temporary.close()
            raise StopUpload(connection_reset=True)
        self.temporary.write(raw_data)

    def file_complete(self, file_size: int) -> UploadedFile[bytes]:
        self.temporary.seek(0)
        return UploadedFile(
            # The stubs want an IO; Django's File only proxies the read, seek and close that
            # EncryptedTempFile has (it is deliberately no full IO: no tell, no random seek).
            file=self.temporary,  # type: ignore[arg-type]
            name=self.file_name,
            content_type=self.content_type,
            size=file_size,
            charset=self.charset,
        )
