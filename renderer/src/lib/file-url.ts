// A local path as a file:// URL for thumbnails (the CSP allows file: images). Windows drive paths and
// backslashes become forward slashes; each segment is percent-encoded so spaces, '#' and '?' survive.
export function fileUrl(path: string): string {
  const forward = path.replace(/\\/g, '/');
  const withRoot = /^[A-Za-z]:\//.test(forward) ? '/' + forward : forward;
  const encoded = withRoot
    .split('/')
    .map((segment, i) => (i === 1 && /^[A-Za-z]:$/.test(segment) ? segment : encodeURIComponent(segment)))
    .join('/');
  // UNC paths (//server/share) keep their host.
  return 'file://' + (encoded.startsWith('//') ? encoded.slice(2) : encoded);
}
