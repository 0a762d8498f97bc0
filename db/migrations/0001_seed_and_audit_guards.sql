-- Tunisia's 24 governorates (ISO 3166-2:TN codes) and the municipality of each governorate's seat.
-- Further municipalities are added by admins; 350 existed when councils were last elected (2018).
INSERT INTO governorate (id, name_ar, name_fr, name_en) VALUES
('TN-11', 'تونس', 'Tunis', 'Tunis'),
('TN-12', 'أريانة', 'Ariana', 'Ariana'),
('TN-13', 'بن عروس', 'Ben Arous', 'Ben Arous'),
('TN-14', 'منوبة', 'La Manouba', 'Manouba'),
('TN-21', 'نابل', 'Nabeul', 'Nabeul'),
('TN-22', 'زغوان', 'Zaghouan', 'Zaghouan'),
('TN-23', 'بنزرت', 'Bizerte', 'Bizerte'),
('TN-31', 'باجة', 'Béja', 'Beja'),
('TN-32', 'جندوبة', 'Jendouba', 'Jendouba'),
('TN-33', 'الكاف', 'Le Kef', 'Kef'),
('TN-34', 'سليانة', 'Siliana', 'Siliana'),
('TN-41', 'القيروان', 'Kairouan', 'Kairouan'),
('TN-42', 'القصرين', 'Kasserine', 'Kasserine'),
('TN-43', 'سيدي بوزيد', 'Sidi Bouzid', 'Sidi Bouzid'),
('TN-51', 'سوسة', 'Sousse', 'Sousse'),
('TN-52', 'المنستير', 'Monastir', 'Monastir'),
('TN-53', 'المهدية', 'Mahdia', 'Mahdia'),
('TN-61', 'صفاقس', 'Sfax', 'Sfax'),
('TN-71', 'قفصة', 'Gafsa', 'Gafsa'),
('TN-72', 'توزر', 'Tozeur', 'Tozeur'),
('TN-73', 'قبلي', 'Kébili', 'Kebili'),
('TN-81', 'قابس', 'Gabès', 'Gabes'),
('TN-82', 'مدنين', 'Médenine', 'Medenine'),
('TN-83', 'تطاوين', 'Tataouine', 'Tataouine');
--> statement-breakpoint
INSERT INTO municipality (governorate_id, name_ar, name_fr, name_en)
SELECT id, name_ar, name_fr, name_en FROM governorate;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
