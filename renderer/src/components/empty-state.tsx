// What a first-time user sees: what to do, what happens, and that nothing leaves the computer. Someone with no photo
// of their own can try the sample that ships with the app; the note says plainly that its signer is a demo.
import { addSamplePhoto, pickPhotos } from '../lib/add-photos.js';
import { ShieldIcon } from './icons.js';

export function EmptyState() {
  return (
    <div className="empty">
      <ShieldIcon />
      <h2>Drop photos with Content Credentials here</h2>
      <p>
        Drop photos or whole folders onto this window. For each photo with Content Credentials, Shutterproof makes a proof that a trusted issuer
        vouched for it — without revealing who or which device signed it.
      </p>
      <p className="empty__private">Everything happens on this computer: no photo or proof leaves it unless you export it.</p>
      <div className="empty__actions">
        <button type="button" className="button button--primary" onClick={() => void pickPhotos()}>
          Add photos…
        </button>
        <button type="button" className="button" onClick={() => void addSamplePhoto()}>
          Try with a sample photo
        </button>
      </div>
      <p className="empty__sample-note">
        The sample photo is signed by the Shutterproof demo authority, made for trying the app — not a real issuer.
      </p>
    </div>
  );
}
