/**
 * What a family calls its own in a message, written where a name goes ("Papa – malaise au volant", "Mum's tablets"):
 * no one's name, though a thread capitalises them as one. Folded (lower case, accents stripped).
 */
export const FAMILY_CALLS: ReadonlySet<string> = new Set([
  'papa', 'maman', 'mama', 'mamie', 'mami', 'mamy', 'papi', 'papy', 'meme', 'pepe', 'mum', 'mom', 'mummy', 'mommy', 'dad', 'daddy',
  'nan', 'nana', 'nanny', 'gran', 'granny', 'grandma', 'grandpa', 'grandad', 'granddad',
]);
