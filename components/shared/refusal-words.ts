/** The words of refusal badges, shared by the panel, the dashboard and the projector; they live in core (the exports use them too). */
export { READING_LABEL, badgeText } from '@/utils/core/words/answers';
