/**
 * Asking the rubric's questions, with a way back: from the second question on, a select ends with
 * "← back to the previous question", a checkbox has the same choice (ticked alone), and a number
 * prompt takes `<`, `kembali` or `back`. Going back asks the previous question again with its
 * earlier answer as the default (ticked, for a checkbox); so does every question after it. A
 * checkbox left empty is confirmed ("none of these?") before going on.
 */
import { t } from '../i18n/index.js';
import { BACK, checkboxConfirmingNone, type Back, type Prompter, type PromptChoice } from '../prompter.js';
import { optionLabel, questionText } from '../rubric/texts.js';
import type { Question } from '../rubric/types.js';
import type { Answers, AnswerValue } from '../score/types.js';

/** What a number question takes for "back", in any language. */
export const BACK_WORDS = ['<', 'kembali', 'back'] as const;

/** One question; `earlier` is the default, `canGoBack` offers the way back. */
export async function askQuestion(p: Prompter, q: Question, earlier: AnswerValue | undefined, canGoBack: boolean): Promise<AnswerValue | Back> {
  const text = questionText(q);
  if (q.type === 'number') {
    const key = canGoBack ? 'assess:interview.number_question_back' : 'assess:interview.number_question';
    return p.number({
      message: t(key, { text, min: q.min, max: q.max, word: BACK_WORDS[0] }), min: q.min, max: q.max,
      default: typeof earlier === 'number' ? earlier : undefined, back: canGoBack ? BACK_WORDS : undefined,
    });
  }
  const options: PromptChoice<string | Back>[] = q.options.map((o) => ({ value: o.value, name: optionLabel(o) }));
  if (q.type === 'choice') {
    const back: PromptChoice<string | Back>[] = canGoBack ? [{ value: BACK, name: t('assess:interview.back') }] : [];
    return p.select({ message: text, choices: [...options, ...back], default: typeof earlier === 'string' ? earlier : undefined });
  }
  const ticked = Array.isArray(earlier) ? earlier : [];
  const back: PromptChoice<string | Back>[] = canGoBack ? [{ value: BACK, name: t('assess:interview.back_checkbox') }] : [];
  const answer = await checkboxConfirmingNone(p, { message: text, choices: [...options.map((o) => ({ ...o, checked: ticked.includes(o.value as string) })), ...back] });
  // Back only when ticked alone: "a" (tick all) must not leave the question.
  const chosen = answer.filter((v): v is string => v !== BACK);
  return chosen.length === 0 && answer.length > 0 ? BACK : chosen;
}

/** Asks every rubric question in order, going back when the officer asks to. */
export async function askQuestions(p: Prompter, questions: Question[]): Promise<Answers> {
  const answers: Answers = {};
  for (let i = 0; i < questions.length;) {
    const q = questions[i]!;
    const answer = await askQuestion(p, q, answers[q.id], i > 0);
    if (answer === BACK) {
      i--;
    } else {
      answers[q.id] = answer;
      i++;
    }
  }
  return answers;
}
