/** A multipart/form-data body for app.inject, built by hand so tests control every byte of it. */
export type Part = { name: string; value: string } | { name: string; filename: string; content: Buffer; contentType?: string };

const BOUNDARY = '----bilet-test-boundary';

export const MULTIPART_HEADERS = { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` };

function head(part: Part): Buffer {
  if ('value' in part) return Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${part.name}"\r\n\r\n${part.value}\r\n`);
  return Buffer.from(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${part.name}"; filename="${part.filename}"\r\n` +
      `Content-Type: ${part.contentType ?? 'application/octet-stream'}\r\n\r\n`,
  );
}

export function multipart(parts: Part[]): Buffer {
  const chunks = parts.flatMap((p) => ('value' in p ? [head(p)] : [head(p), p.content, Buffer.from('\r\n')]));
  return Buffer.concat([...chunks, Buffer.from(`--${BOUNDARY}--\r\n`)]);
}

/** The smallest valid PDF: enough for content sniffing to call it a PDF. */
export const TINY_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
