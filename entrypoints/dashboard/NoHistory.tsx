/** What to do when nothing is stored yet: how a first comparison is made. */
export function NoHistory({ onOpenSettings }: { onOpenSettings: () => void }) {
  return (
    <div class="empty dash-empty" data-testid="no-history">
      <h2>No comparisons yet</h2>
      <p>The dashboard shows what Parallax has stored on this device. To make a first comparison:</p>
      <ol class="steps">
        <li>Set up at least one model (a local server, an API, or an on-device model) in the settings.</li>
        <li>Open the Parallax side panel from the toolbar and type a prompt, or send one on a chat site where capture is on.</li>
        <li>Come back here: the comparison, and charts for many of them, appear on their own.</li>
      </ol>
      <button class="button" onClick={onOpenSettings}>
        Open settings
      </button>
    </div>
  );
}
