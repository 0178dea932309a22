// The photo itself as a small lazy thumbnail, served by main beside the page for this job only (the page never
// names a file); if it cannot load — a moved file, a PNG too odd for the browser — an icon stands in.
import { memo, useState } from 'react';
import { thumbnailPath } from '../../../common/ipc-contract.js';
import { PhotoIcon } from './icons.js';

export const Thumbnail = memo(function Thumbnail({ jobId }: { jobId: string }) {
  const [failedFor, setFailedFor] = useState<string | null>(null);
  if (failedFor === jobId) {
    return (
      <span className="thumb thumb--icon" data-testid="thumb-icon">
        <PhotoIcon />
      </span>
    );
  }
  return <img className="thumb" src={thumbnailPath(jobId)} alt="" loading="lazy" decoding="async" draggable={false} onError={() => setFailedFor(jobId)} />;
});
