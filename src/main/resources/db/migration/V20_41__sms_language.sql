-- The recipient's language for the SDU SMS (issue 16, "in their language"): the mobile citizens base (МАБ, the
-- eGov users' numbers) may know the language its subscriber chose ('kk' or 'ru'); NULL when it does not, and then
-- every SMS goes in Kazakh and Russian as before. The recipient's row keeps what МАБ answered at item 9.
ALTER TABLE mobile_subscriber ADD COLUMN language VARCHAR(8);
ALTER TABLE sdu_recipient ADD COLUMN sms_language VARCHAR(4);
