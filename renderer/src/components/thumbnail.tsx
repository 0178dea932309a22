// The photo itself as a small lazy thumbnail straight from disk (file: images are allowed by the CSP); if the
// image cannot load — another origin, a moved file, a PNG too odd for the browser — an icon stands in.
import { memo, useState } from 'react';
import { fileUrl } from '../lib/file-url.js';
import { PhotoIcon } from './icons.js';

export const Thumbnail = memo(function Thumbnail({ path }: { path: string }) {
  const [failedFor, setFailedFor] = useState<string | null>(null);
  if (failedFor === path) {
    return (
      <span className="thumb thumb--icon" data-testid="thumb-icon">
        <PhotoIcon />
      </span>
    );
  }
  return <img className="thumb" src={fileUrl(path)} alt="" loading="lazy" decoding="async" draggable={false} onError={() => setFailedFor(path)} />;
});
