ALTER TABLE "outgoing_mail" ADD COLUMN "reply_to" text;--> statement-breakpoint
ALTER TABLE "outgoing_mail" ADD COLUMN "message_id" text;--> statement-breakpoint
ALTER TABLE "outgoing_mail" ADD COLUMN "in_reply_to" text;--> statement-breakpoint
ALTER TABLE "outgoing_mail" ADD COLUMN "references" text;