import type { ListedModel } from '@/utils/core/on-device/webllm-engine';

/** The button beside the picker: download, add, use… */
interface PickerAction {
  label: string;
  disabled: boolean;
  onClick: () => void;
}

export interface OnDeviceModelPickerProps {
  heading: string;
  intro?: string;
  label: string;
  models: ListedModel[];
  selected: string;
  onSelect: (id: string) => void;
  /** What one option says (name, quantization, sizes). */
  optionText: (model: ListedModel) => string;
  action: (model: ListedModel | undefined) => PickerAction;
}

/** One kind of on-device model (those that answer, or embedding models): a picker and its action. */
export function OnDeviceModelPicker({ heading, intro, label, models, selected, onSelect, optionText, action }: OnDeviceModelPickerProps) {
  const model = models.find((m) => m.id === selected);
  const { label: actionLabel, disabled, onClick } = action(model);
  return (
    <div class="field">
      <h3>{heading}</h3>
      {intro && <p class="muted">{intro}</p>}
      <div class="field-row">
        <label class="field">
          {label}
          <select aria-label={label} value={selected} onChange={(e) => onSelect(e.currentTarget.value)}>
            {models.map((m) => (
              <option key={m.id} value={m.id}>
                {optionText(m)}
              </option>
            ))}
          </select>
        </label>
        <div class="toggle" style={{ alignSelf: 'end' }}>
          <button class="button" disabled={disabled} onClick={onClick}>
            {actionLabel}
          </button>
        </div>
      </div>
    </div>
  );
}
