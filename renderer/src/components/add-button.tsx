// "Add photos…": the native picker in main; the chosen photos become one group.
import { pickPhotos } from '../lib/add-photos.js';

export function AddButton() {
  return (
    <button type="button" className="button button--primary" onClick={() => void pickPhotos()}>
      Add photos…
    </button>
  );
}
