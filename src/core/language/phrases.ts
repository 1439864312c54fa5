/** Phrase patterns the rules share. Each list errs toward missing a case rather than nagging wrongly. */

/** Words ending in -er after "much" or "far" that compare nothing: "far corner", "much paper". */
const NOT_COMPARATIVES =
  'over|under|after|other|ever|never|rather|together|whether|however|power|water|paper|number|order|customer|user|server|manager|member|border|matter|letter|corner|computer|answer|cover|offer|chapter|quarter|partner|engineer|developer|layer|cluster|later';

/**
 * A phrase pattern and the plain words it cannot match without. Long alternations are slow to run
 * across a whole story on every keystroke; `indexOf` of the words finds the few places to look.
 */
export interface TriggeredPattern {
  triggers: readonly string[];
  /** Global, and ASCII-only for speed: the phrases are English. */
  pattern: RegExp;
}

const OTHERS = String.raw`(?:the other team|the [a-z-]+ team|another team|that team|the vendor|the contractors?|the partner team|management|leadership|product|qa|ops|they)`;

/** Blame aimed at others: the brief's "the other team didn't deliver" and its relatives. */
export const BLAME: readonly TriggeredPattern[] = [
  { triggers: ['fault'], pattern: /\b(?:(?:their|his|her|the other team['’]s|the vendor['’]s|management['’]s|[a-z]+ team['’]s) fault|(?:it|this|that) (?:was|is)(?:n['’]t| not) (?:my|our) fault|not my fault)\b/gi },
  { triggers: ['because of', 'thanks to'], pattern: /\b(?:because of (?:them|him|her|those people|the other team|that team)\b|thanks to (?:the other team|that team|them)\b(?=[^.]*\b(?:late|delay|miss|fail|broke)))/gi },
  {
    triggers: ["didn't", 'didn’t', 'did not', 'failed to', 'refused to', 'bothered to'],
    pattern: new RegExp(
      String.raw`\b${OTHERS}(?: simply| just| completely| never)? (?:didn['’]t|did not|failed to|couldn['’]t be bothered to|refused to|never bothered to) (?:deliver|ship|finish|respond|reply|follow through|do their (?:job|part)|test|hand (?:it )?over|meet (?:the|their) (?:deadline|commitment)s?)\b`,
      'gi',
    ),
  },
  { triggers: ['dropped the ball', 'under the bus'], pattern: /\b(?:dropped the ball|threw (?:me|us) under the bus)\b/gi },
  { triggers: ['incompetent', 'lazy', 'clueless'], pattern: /\b(?:incompetent|lazy|clueless) (?:team|engineers?|manager|people|vendor|developers?)\b/gi },
  { triggers: ['beyond', 'outside'], pattern: /\b(?:circumstances|factors|reasons) (?:beyond|outside(?: of)?) (?:my|our) control\b/gi },
];

/** How much, told with no figure: "grew a great deal", "went down noticeably". */
const DEGREES = ['a great deal', 'a good deal', 'a lot', 'enormously', 'tremendously', 'immensely', 'hugely', 'noticeably', 'markedly', 'considerably', 'substantially', 'significantly', 'dramatically', 'greatly', 'massively', 'sharply'];
/** The size of a change, told with no figure: "a big boost", "a marked drop". */
const CHANGE_SIZES = ['big', 'huge', 'real', 'massive', 'major', 'great', 'noticeable', 'marked', 'dramatic', 'considerable', 'substantial', 'significant'];
/** People a reception can come from, beyond customers and users: "the residents really enjoyed it". */
const AUDIENCES = 'residents|guests|attendees|visitors|members|participants|volunteers|readers|viewers|listeners|shoppers|patrons|pupils|children|families|parents|employees|colleagues|tenants|passengers|diners|the audience|the community|the locals|the organisers|the organizers';
/** Qualities an outcome can claim to have bettered: "patient outcomes", "reporting accuracy", "safety scores". */
const QUALITIES = ['outcomes', 'teamwork', 'collaboration', 'satisfaction', 'communication', 'morale', 'engagement', 'experience', 'alignment', 'trust', 'visibility', 'auditability', 'transparency', 'efficiency', 'productivity', 'accuracy', 'safety', 'quality', 'scores', 'ratings', 'confidence'];

/**
 * Generic claims that say nothing checkable, each with what to write instead. `measurable` claims
 * ("improved performance") are left alone when the same sentence gives a number; `resultOnly`
 * claims (an outcome told as an impression) are read only in the Result.
 */
export const VAGUE_CLAIMS: ReadonlyArray<TriggeredPattern & { advice: string; measurable: boolean; resultOnly?: boolean }> = [
  {
    triggers: ['improved'],
    pattern: /\b(?:greatly |significantly |really |drastically )?improved (?:the )?(?:performance|efficiency|quality|reliability|stability|productivity|the process|things)\b/gi,
    advice: 'say from what to what, for example "cut P99 latency from 500 ms to 50 ms"',
    measurable: true,
  },
  { triggers: ['made things', 'made it', 'made everything'], pattern: /\bmade (?:things|it|everything) (?:a lot |much |way )?(?:better|faster|easier|smoother)\b/gi, advice: 'name what changed and by how much', measurable: true },
  { triggers: ['worked'], pattern: /\bworked (?:really |very |extremely |super )?hard\b/gi, advice: 'describe the decisions you made, not the effort', measurable: false },
  {
    triggers: ['helped', 'involved', 'contributed', 'participated'],
    pattern: /\b(?:helped (?:out )?with|was involved in|contributed to|participated in) (?:the |a |an |some |various )?(?:project|effort|work|initiative|things)\b/gi,
    advice: 'say which part was yours',
    measurable: false,
  },
  { triggers: ['lot of', 'lots of', 'various', 'many different'], pattern: /\b(?:a lot of|lots of|various|many different) (?:things|stuff|improvements|changes|tasks)\b/gi, advice: 'name the two or three that mattered', measurable: false },
  {
    triggers: ['dramatically', 'significantly', 'greatly', 'massively', 'considerably', 'substantially'],
    pattern: /\b(?:improved|increased|grew|rose|dropped|fell|decreased|reduced|sped up) (?:dramatically|significantly|greatly|massively|considerably|substantially)\b/gi,
    advice: 'say by how much: a number turns "dramatically" into evidence',
    measurable: true,
  },
  {
    triggers: ['significant', 'significantly'],
    pattern: /\bsignificant(?:ly)? (?:more |higher |better )?(?:increase|improvement|growth|revenue|impact|gains?|savings|reduction|boost|uplift)\b/gi,
    advice: 'give the figure behind "significant"',
    measurable: true,
  },
  {
    triggers: ['more effective', 'more efficient', 'more productive'],
    pattern: /\bmore (?:effective|efficient|productive) (?:teamwork|collaboration|communication|team|teams|process|processes|meetings)\b/gi,
    advice: 'say what the team now does differently, and what it changed',
    measurable: true,
  },
  {
    triggers: ['improved'],
    pattern: /\bimproved (?:our|the|their|my|a) (?:working )?relationships?\b/gi,
    advice: 'say what changed in how you work together, for example who now comes to whom, and when',
    measurable: false,
  },
  // Benefits named with no measure or example: "faster debugging", "smooth transition", "less
  // rework", "morale improved", "paid off significantly". Left alone beside a number.
  {
    triggers: ['faster', 'quicker', 'smoother', 'easier', 'clearer', 'simpler', 'less', 'fewer'],
    pattern:
      /\b(?:faster|quicker|smoother|easier|clearer|simpler|less|fewer) (?:debugging|development(?: cycles?)?|delivery|deployments|releases|onboarding|collaboration|communication|rework|visibility|transparency|alignment|boundaries|handoffs|handovers|decision-making|workflows?|turnaround|iterations?)\b/gi,
    advice: 'say by how much, or what now happens that did not before',
    measurable: true,
  },
  { triggers: ['smooth'], pattern: /\bsmooth (?:transition|rollout|roll-out|migration|launch|handover|handoff|delivery)\b/gi, advice: 'say what went to plan: the date met, the downtime, the problems that did not happen', measurable: true },
  {
    triggers: ['morale', 'engagement', 'teamwork', 'collaboration'],
    pattern: /\b(?:morale|engagement|teamwork|collaboration) (?:improved|increased|went up|grew|got better|was boosted)\b/gi,
    advice: 'say what people now do differently, or what a survey or a count showed',
    measurable: true,
  },
  {
    triggers: ['relationship'],
    pattern: /\b(?:(?:our|the|my|their) )?(?:working )?relationships? (?:got|became|grew|is|was) (?:much |a lot |far )?(?:stronger|better|closer)\b|\bstronger (?:working )?relationships?\b/gi,
    advice: 'say what changed in how you work together, for example who now comes to whom, and when',
    measurable: false,
  },
  {
    triggers: ['communicated', 'worked together', 'collaborated'],
    pattern: /\b(?:communicated|worked together|collaborated) (?:much |a lot |far |way )?(?:better|more effectively|more closely)\b/gi,
    advice: 'say what people now do differently: the meeting, the channel, the handover',
    measurable: true,
  },
  // Adjectives for the approach instead of the approach: "a proactive, data-driven approach".
  {
    triggers: ['proactive', 'data-driven', 'data driven', 'holistic', 'customer-centric'],
    pattern: /\b(?:(?:proactive|data[- ]driven|holistic|customer[- ]centric)(?:,? (?:and )?)?){1,3}approach\b/gi,
    advice: 'name the data you used or the step you took early, not the style',
    measurable: false,
  },
  // A change named with no size: "the support queue got quieter".
  {
    triggers: ['got', 'became', 'grew'],
    pattern: /\b(?:got|became|grew) (?:much |a lot |far |noticeably |way )?(?:quieter|calmer|smoother|easier|happier|faster|better|more stable|more reliable)\b/gi,
    advice: 'say by how much: a count before and after',
    measurable: true,
  },
  { triggers: ['feedback'], pattern: /\b(?:(?:got|received|had|earned|gained|won)|gave (?:me|us|the team|him|her|them)) (?:some )?(?:very |really )?(?:good|great|positive|excellent|glowing|strong) feedback\b/gi, advice: 'say what they said, or what it earned: a grade, a score, a repeat order', measurable: true },
  // Effort in place of decisions, like "worked hard".
  {
    triggers: ['every', 'everything', 'all i could', 'my all', 'above and beyond', 'extra mile'],
    pattern: /\b(?:used|applied|tried) every (?:[a-z-]+ )?(?:skill|trick|tool|idea)s?(?: I (?:had|knew))?\b|\bdid (?:everything|all) I could\b|\bgave it (?:my|our) all\b|\bwent (?:above and beyond|the extra mile)\b/gi,
    advice: 'describe the decisions you made, not the effort',
    measurable: false,
  },
  // Skills named in place of the steps they took: "fixed it using my programming skills".
  {
    triggers: ['skills', 'skillset', 'skill set', 'expertise', 'abilities', 'know-how', 'knowledge', 'experience'],
    pattern: /\b(?:using|leveraging|applying|drawing on|relying on|thanks to|through|with) (?:all |both )?my (?:[a-z-]+ )?(?:skills|skillset|skill set|expertise|abilities|know-how|knowledge|experience)\b/gi,
    advice: 'name the step instead: the log you read, the query you ran, the change you made',
    measurable: false,
  },
  // A soft skill named as the means: "I relied on effective communication", "through strong teamwork".
  {
    // Triggers are whole words other patterns do not start longer ones from ("listen", not
    // "listening"): one pass finds the longest trigger at each place, and a longer one hides a shorter.
    triggers: ['communication', 'teamwork', 'leadership', 'listen', 'management', 'solving', 'skills', 'organi'],
    pattern:
      /\b(?:relied on|relying on|used|using|through|thanks to|by using|with|drew on|drawing on|leaned on|leaning on|applied|applying) (?:my |our |some |a lot of )?(?:effective|good|strong|clear|excellent|great|open|solid|careful|active) (?:communication|teamwork|leadership|listening|time management|problem[- ]solving|people skills|interpersonal skills|organi[sz]ation(?:al skills)?)(?: skills)?\b/gi,
    advice: 'name what you said or did, to whom, and when: the meeting you called, the message you sent',
    measurable: false,
  },
  // Effort or fortune in place of the step or the outcome: "I gave it my best", "working very hard",
  // "the team went from strength to strength".
  {
    triggers: ['my best', 'our best', 'very hard', 'really hard', 'strength to strength'],
    pattern: /\b(?:gave it|did|tried) (?:my|our) (?:very )?best\b|\b(?:work(?:ed|ing)?|tried|pushed) (?:very|really) hard\b|\bfrom strength to strength\b/gi,
    advice: 'name the step instead, and what it changed: the fix you made, the figure that moved',
    measurable: false,
  },
  // Growth claimed with nothing in it: "made me a better judge and a better team player".
  {
    triggers: ['made me'],
    pattern: /\bmade me (?:a |an )?(?:much |far |way |so much )?(?:better|stronger|more (?:confident|effective|rounded|resilient|patient|mature|capable)|wiser)\b/gi,
    advice: 'name what you now do differently, for example the check you now make first',
    measurable: false,
  },
  // A team's spirit in place of what it did: "pulled together into a really tight unit", "we all
  // pulled together", "made the most of everyone's background".
  {
    triggers: ['together', 'made the most'],
    pattern:
      /\b(?:pulled|came|grew|banded) together (?:as a team|into a (?:really |very )?(?:tight|close|strong|great|real) (?:unit|team|group))\b|\b(?:we|everyone|they) all (?:pulled|came|worked) together\b|\bmade the most of (?:everyone|each other|each person|the team)['’]s (?:backgrounds?|skills|strengths|experience)\b/gi,
    advice: 'say who did which part, and what each part changed',
    measurable: false,
  },
  // An agreement told by its acceptance, not its content: "an alternative plan we were both happy with".
  {
    triggers: ['happy', 'comfortable', 'satisfied'],
    pattern: /\b(?:a|an|the) (?:[a-z]+ )?(?:solution|fix|compromise|approach|way forward|plan|option|agreement|arrangement) (?:that )?(?:we|everyone|both (?:of us|sides|teams)|they|all of us) (?:were|was) (?:both |all )?(?:happy|comfortable|satisfied) with\b/gi,
    advice: 'say what the plan was: who gave up what, and the date or the split agreed',
    measurable: false,
  },
  // A way of working named instead of what was said or done: "by actively listening", "found a
  // solution that worked".
  {
    triggers: ['listen', 'solution that', 'fix that', 'compromise that', 'approach that', 'way forward that'],
    pattern:
      /\b(?:actively listen(?:ing|ed)?|active listening|listen(?:ing|ed)? actively)\b|\b(?:a|the) (?:solution|fix|compromise|approach|way forward) that (?:worked|suited everyone|worked for (?:everyone|all|both|us|them)|everyone (?:liked|accepted|was happy with|agreed (?:on|to|with)))\b/gi,
    advice: 'say what you heard and what you offered: the words, the option, the trade-off',
    measurable: false,
  },
  // A lesson with nothing in it, told in the story itself (a Learning section is left alone).
  { triggers: ['learned a lot', 'learnt a lot'], pattern: /\b(?:learned|learnt) (?:a lot|so much)(?: about [a-z-]+)?/gi, advice: 'name the one thing you learned, and what you now do differently', measurable: false },
  {
    triggers: ['how important', 'importance of', 'value of'],
    pattern: /\b(?:learned|learnt|realised|realized|understood|saw) (?:how important|the importance of|the value of)\b/gi,
    advice: 'name what you now do differently, for example the check you now add to every plan',
    measurable: false,
  },
  { triggers: ['paid off'], pattern: /\bpaid off(?: (?:significantly|greatly|hugely|massively|big|in the long run))?\b/gi, advice: 'say what it paid: the time, money or incidents saved', measurable: true },
  // Outcomes told as an impression, not a measure: vague only where they stand as the outcome, in
  // the Result ("much later, we found" in a Situation is narrative). A comparison with no size:
  // "much faster", "far friendlier", "much more relaxed".
  {
    triggers: ['much', 'far', 'a lot', 'way', 'noticeably', 'considerably', 'vastly', 'substantially'],
    pattern: new RegExp(
      String.raw`\b(?:much|far|a lot|way|noticeably|considerably|vastly|substantially) (?:(?:more|less) [a-z][a-z-]+|(?!(?:${NOT_COMPARATIVES})\b)[a-z]{2,}er)\b`,
      'gi',
    ),
    advice: 'say by how much: the figure before and after',
    measurable: true,
    resultOnly: true,
  },
  // It went well: "the launch went smoothly", "deploys became routine".
  {
    triggers: ['went', 'became'],
    pattern: /\bwent (?:very |really |so |pretty |extremely )?(?:smoothly|well|great|fine|off without a hitch|without a hitch)\b|\bbecame (?:routine|the norm|second nature|standard practice|part of (?:how|the way|our|everyday))\b/gi,
    advice: 'say what shows it: the date met, the problems that did not happen, how often it now runs',
    measurable: true,
    resultOnly: true,
  },
  // A change or a liking told by its degree alone: "her confidence grew a great deal", "customers
  // liked it a lot", "helped enormously", "errors went down noticeably"; or by the size of a change
  // with no figure: "got a big boost", "a marked drop".
  {
    triggers: [...DEGREES],
    pattern: new RegExp(
      String.raw`\b(?:[a-z]+ed|grew|rose|fell|went up|went down|came down|(?:liked|loved|enjoyed|appreciated|helped) (?:it|them|this|that|us|me|her|him))(?: all)? (?:${DEGREES.join('|')})\b(?! (?:of|more|less|better|worse|faster|slower|sooner|later)\b)`,
      'gi',
    ),
    advice: 'say how you know: the figure before and after, or what people now do that they did not',
    measurable: true,
    resultOnly: true,
  },
  {
    triggers: [...CHANGE_SIZES],
    pattern: new RegExp(String.raw`\ba (?:${CHANGE_SIZES.join('|')}) (?:boost|lift|improvement|increase|rise|uplift|reduction|drop|decrease|fall|gain)\b`, 'gi'),
    advice: 'say how big: the figure before and after',
    measurable: true,
    resultOnly: true,
  },
  // Reception as the whole outcome: "was well received", "customers liked it", "my manager really
  // appreciated that", "was a big success", "made a real difference", "exceeded expectations".
  {
    triggers: ['received', 'well liked', 'success', 'a hit', 'went down', 'liked', 'loved', 'enjoyed', 'appreciated', 'valued', 'praised', 'difference', 'impact', 'expectations', 'singled', 'praise', 'recognition', 'kudos', 'plaudits', 'shout-out'],
    pattern: new RegExp(
      String.raw`\b(?:was|were|been|got) (?:not |n['’]t )?(?:very |really |extremely |generally )?(?:well[- ]received|warmly received|well liked|a (?:big |great |huge |real )?(?:success|hit))\b|\bwent down (?:very |really )?well\b|\bmade (?:a|an) (?:big |huge |real |significant |noticeable |positive |enormous )?difference\b|\b(?:had|made|with) (?:a|an) (?:big |huge |real |significant |positive |great |enormous |lasting )impact\b|\bexceeded (?:all |everyone['’]s |our |their |the )?expectations\b|\b(?:customers|users|clients|people|everyone|stakeholders|students|staff|${AUDIENCES}|they|he|she|(?:my|our|the|his|her|their) (?:manager|boss|supervisor|director|head|lead|client|customer|team|colleagues|patients?|parents?))(?: really| genuinely| greatly| clearly)? (?:liked|loved|enjoyed|appreciated|valued|praised) (?:it|them|this|that|how|what|my|our)\b|\bsingled (?:me|us|the team|him|her|them|[a-z]+ team) out for (?:praise|recognition|thanks)\b|\b(?:received|got|earned|won|drew) (?:a lot of |lots of |much |high |special |public )?(?:praise|recognition|kudos|plaudits|a shout-out)\b`,
      'gi',
    ),
    advice: 'say what showed it: who adopted it, what they asked for next, a score or a repeat order',
    measurable: true,
    resultOnly: true,
  },
  // Praise as the whole outcome: "the final presentation was excellent", "my team performed
  // admirably", "passed with flying colours", "a glowing review", "the feedback was glowing".
  {
    triggers: ['excellent', 'fantastic', 'outstanding', 'superb', 'admirably', 'brilliantly', 'superbly', 'flawlessly', 'flying colo', 'glowing'],
    pattern:
      /\b(?:was|were) (?:truly |really |absolutely |simply )?(?:excellent|fantastic|outstanding|superb)\b|\b(?:performed|worked(?: together)?|went|delivered|ran) (?:really |truly )?(?:admirably|brilliantly|superbly|flawlessly)\b|\bwith flying colou?rs\b|\bglowing (?:review|feedback|reference|report|testimonial)s?\b|\bfeedback (?:was|were) glowing\b/gi,
    advice: 'say what showed it: the grade, the score, what they asked for next',
    measurable: true,
    resultOnly: true,
  },
  // Someone's feeling as the whole outcome: "the leads were delighted", "the manager was pleased",
  // "the queue seemed reassured".
  {
    triggers: ['pleased', 'delighted', 'happy', 'thrilled', 'impressed', 'satisfied', 'grateful', 'reassured', 'relieved', 'over the moon'],
    pattern:
      /\b(?:was|were|felt|seemed|looked) (?:very |really |so |extremely |genuinely |absolutely )?(?:pleased|delighted|happy|thrilled|impressed|satisfied|grateful|reassured|relieved|over the moon)\b|\ba (?:very |really |truly |extremely )?(?:happy|satisfied|delighted|grateful|pleased|thrilled) (?:client|customer|guest|patient|manager|user|family|bride|couple|member)\b/gi,
    advice: 'say what they did or what it earned: the repeat order, the score, what they now use',
    measurable: true,
    resultOnly: true,
  },
  // A quality named as bettered with no measure, before or after its verb: "improved patient
  // outcomes", "enhanced teamwork", "improved patient safety scores", "reporting accuracy improved",
  // "stakeholder satisfaction".
  {
    triggers: ['improved', 'enhanced', 'better', 'stronger', 'boosted', 'greater', 'increased', 'higher', 'satisfaction', ...QUALITIES],
    pattern: new RegExp(
      String.raw`\b(?:improved|enhanced|better|stronger|boosted|greater|increased|higher) (?:[a-z]+ ){0,2}(?:${QUALITIES.join('|')})\b|\b(?:${QUALITIES.join('|')}) (?:improved|increased|went up|rose|grew|got better|was boosted)\b|\b(?:customer|stakeholder|client|user|patient) satisfaction\b`,
      'gi',
    ),
    advice: 'say what was measured and by how much, for example a survey score before and after',
    measurable: true,
    resultOnly: true,
  },
  // What one would do is not what one did: "I would listen to the customer" is the textbook weak
  // answer. Only "I would" opening a clause; "we would miss the date" inside a sentence is narrative,
  // "I would have" is hindsight, which a Learning rightly holds, and "I would rather" a preference.
  // `(?=I)` first: the lookbehind is tried only where an "I" stands, not at every offset.
  {
    triggers: ['would', "i'd", 'i’d'],
    pattern:
      /(?=I)(?<=^|[\n.!?;:"“]\s*|\band\s+|\b[Tt]hen\s+|,\s*|[-*+]\s+)I(?: would|['’]d(?! [a-z]+ed\b| (?:already|been|done|gone|seen|written|taken|given|made|built|run|met|got|become|come|spoken|known|shown|left|lost|found|heard|told|sent|spent|just|better|rather|no|a|an|the|to)\b)) (?!have\b|not\b|never\b|be\b|like\b|love\b|rather\b|prefer\b|say\b|usually\b|always\b|generally\b|typically\b|normally\b|often\b)[a-z]+|\b[Mm]y (?:first |next |initial )?(?:step|approach|priority|move) would be\b/g,
    advice: 'tell what you did in this story, in the past tense: "I listened", "I fixed"',
    measurable: false,
  },
  // Habits, not this story. A plain "would" is left alone: "I told her we would miss the date" is narrative,
  // and so is the old way this story departs from or keeps to: "we wrote it the way we always had",
  // and the habit the story left behind, its lesson: "Since then I always plan the week on paper".
  // The subject is looked for first: the look-behinds are tried only where it stands.
  {
    triggers: ['usually', 'always', 'generally', 'typically', 'normally', 'tend to'],
    pattern: /\b(?=I |[Ww]e )(?<!\b(?:the way|as|like) )(?<!\b(?:[Ss]ince then|[Ee]ver since|[Ff]rom then on),? )(?:I|[Ww]e) (?:would (?:usually|always|generally|typically|normally|often)|usually|always|generally|typically|normally|tend to)\b/g,
    advice: 'tell what you did in this story, in the past tense, not what you tend to do',
    measurable: false,
  },
];

/** Signs that a story works beyond one team: what L7 answers show. */
export const ORG_SCOPE = new RegExp(
  [
    String.raw`\bcross[- ](?:team|org|organi[sz]ational|functional|company)\b`,
    String.raw`\b(?:multiple|several|many|other|partner|sister|peer|adjacent|dependent|downstream|upstream|all the|every|(?:\d+|two|three|four|five|six|seven|eight|nine|ten|a dozen|dozens of)) (?:engineering |product |dev |[A-Za-z-]+ )?(?:teams|orgs|organi[sz]ations|groups|divisions|business units)\b`,
    String.raw`\b(?:org|organi[sz]ation|company|division|department|business|industry)[- ]wide\b`,
    String.raw`\bacross (?:the |our |my |\d+ |[a-z]+ )?(?:org|organi[sz]ation|company|division|department|teams|business|industry|orgs)\b`,
    String.raw`\b(?:VPs?|SVPs?|C-level|CTO|CEO|CFO|CPO|COO|CIO|CISO|directors?|executives?|exec(?:s|utive team)?|leadership team|senior leadership|principal engineers?|distinguished engineer)\b`,
    String.raw`\bmulti-?\s?(?:year|team|quarter|region|org)\b`,
    String.raw`\b(?:two|three|four|five|\d)[- ]year (?:plan|strategy|roadmap|vision|program|programme|effort)\b`,
    String.raw`\b(?:strategy|roadmap|vision) for (?:the|our) (?:org|organi[sz]ation|company|division)\b`,
    String.raw`[$€£]\s?\d+(?:\.\d+)?\s?(?:M|B|bn|million|billion)\b`,
    String.raw`\b(?:tens|hundreds) of millions\b`,
    String.raw`\b\d+(?:\.\d+)?\s?(?:million|billion) (?:dollars|euros|pounds|users|customers)\b`,
  ].join('|'),
);

/** A Result that plainly reports a failure. */
export const FAILURE_REPORTED =
  /\b(?:(?:the|our|my) (?:project|launch|migration|rollout|initiative|effort|release|plan|experiment)|it|this|we|I) (?:failed|was (?:cancelled|canceled|shelved|scrapped|abandoned|a failure)|never (?:shipped|launched)|missed (?:the|our|its) (?:deadline|goal|target|launch date))\b|\bdid not succeed\b|\bdidn['’]t succeed\b|\bwas a failure\b/i;

/** Learning stated inside the Result ("I learned to ...", "now I always ...") counts as a learning. */
export const LEARNING_STATED =
  /\b(?:I (?:learned|learnt|realised|realized)|lessons? (?:I|we) (?:learned|learnt|took)|taught me|(?:since then|now|today|these days),? I (?:always|first|make sure|start)|next time,? I|(?:I|we) now (?:always|start|make sure|validate|check))\b/i;
