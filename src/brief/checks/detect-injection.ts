/**
 * Text in an article that speaks to a machine rather than a reader: instructions to a model, fake
 * chat roles or tags, imitations of our output. Such text is data like the rest (the prompt says
 * so); finding it only lets the source note tell the reader it was there.
 */
const ADDRESSED_TO_MACHINES: RegExp[] = [
  /\b(ignore|disregard|forget)\s+(all\s+|any\s+)?(the\s+)?(previous|prior|above|earlier|your|these)\s+(instructions|rules|prompts?|directions|guidelines)/i,
  /\b(you are|you're|act as|pretend to be)\s+(now\s+)?(an?\s+)?[\w\s-]{0,20}(ai|assistant|language model|chatbot|llm|summari[sz]er)\b/i,
  /\b(system prompt|system message|developer message|new instructions|new policy)\b/i,
  /<\/?\s*(system|assistant|user|tool|instructions?|article(-[\w]+)?)\s*>/i,
  /\[\/?(INST|SYSTEM|SYS)\]/,
  /^\s*(system|assistant|user|human)\s*:/im,
  /\b(instructions?|note|message)\s+(for|to)\s+(the\s+)?(ai|llm|language models?|bots?|summari[sz]ers?|assistants?|chatbots?)\b/i,
  /\{\s*"(summary|claims|headline|sentences|unverified|caveats)"\s*:/,
];

export function findTextForMachines(text: string): string[] {
  const found: string[] = [];
  for (const pattern of ADDRESSED_TO_MACHINES) {
    const match = pattern.exec(text);
    if (match) found.push(match[0].trim().slice(0, 60));
  }
  return found;
}

export function injectionCaveat(text: string): string | null {
  const found = findTextForMachines(text);
  if (found.length === 0) return null;
  return `The article contains text addressed to automated systems (such as “${found[0]}”); Sitrep treated it as part of the article, not as instructions.`;
}
