// Makes its whole area a drop target for photos and folders. Files go to main as DOM File objects; preload turns
// them into paths (folders are expanded by main), so the page never names a path itself.
import { useRef, useState, type DragEvent, type ReactNode } from 'react';

export function DropZone(props: { onFiles(files: File[]): void; children: ReactNode; label: string; overlay?: string }) {
  const { onFiles, children, label, overlay = 'Drop to add' } = props;
  const [over, setOver] = useState(false);
  const depth = useRef(0);
  const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');

  return (
    <div
      className={`drop-zone${over ? ' drop-zone--over' : ''}`}
      aria-label={label}
      onDragEnter={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        depth.current++;
        setOver(true);
      }}
      onDragOver={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
      }}
      onDragLeave={() => {
        depth.current = Math.max(0, depth.current - 1);
        if (depth.current === 0) setOver(false);
      }}
      onDrop={(e) => {
        e.preventDefault();
        depth.current = 0;
        setOver(false);
        const files = Array.from(e.dataTransfer?.files ?? []);
        if (files.length) onFiles(files);
      }}
    >
      {children}
      {over && (
        <div className="drop-zone__overlay" aria-hidden="true">
          <p>{overlay}</p>
        </div>
      )}
    </div>
  );
}
