export type IntakeRule = 'foreign_language' | 'obscene' | 'threat' | 'no_question' | 'repeat_resolved' | 'protected_secret';

export interface ResolvedRequest {
  id: string;
  topic: string;
  text: string;
}

export interface IntakeInput {
  topic: string;
  text: string;
  resolvedByRequester: ResolvedRequest[];
}

export interface IntakeDecision {
  outcome: 'accepted' | 'no_answer';
  rule: IntakeRule | null;
  evidence: string;
  repeatOf?: string;
}

/** What one rule found: the rule applies, with the operator's evidence. */
export interface RuleHit {
  evidence: string;
  repeatOf?: string;
}
