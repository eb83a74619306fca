-- Foundation: regions, accounts and roles, institutions, sessions, audit log (postgres).

CREATE TABLE regions (
    code TEXT PRIMARY KEY NOT NULL CHECK (length(code) = 6),
    name_zh TEXT NOT NULL,
    name_en TEXT NOT NULL,
    parent_code TEXT REFERENCES regions (code),
    level TEXT NOT NULL CHECK (level IN ('province', 'prefecture', 'county'))
);

CREATE TABLE users (
    id TEXT PRIMARY KEY NOT NULL,
    mobile TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    real_name TEXT,
    resident_id TEXT UNIQUE,
    gender TEXT CHECK (gender IN ('male', 'female')),
    birth_date DATE,
    region_code TEXT REFERENCES regions (code),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE institutions (
    id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    region_code TEXT NOT NULL REFERENCES regions (code),
    created_by TEXT REFERENCES users (id),
    created_at TIMESTAMP NOT NULL,
    UNIQUE (region_code, name)
);

CREATE TABLE role_grants (
    id TEXT PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL REFERENCES users (id),
    role TEXT NOT NULL CHECK (role IN ('trainee', 'institution_staff', 'mentor', 'bureau_officer', 'admin')),
    region_code TEXT REFERENCES regions (code),
    institution_id TEXT REFERENCES institutions (id),
    granted_by TEXT REFERENCES users (id),
    granted_at TIMESTAMP NOT NULL,
    UNIQUE (user_id, role),
    CHECK (role <> 'bureau_officer' OR region_code IS NOT NULL),
    CHECK (role <> 'institution_staff' OR institution_id IS NOT NULL)
);
CREATE INDEX role_grants_role ON role_grants (role, granted_at);

CREATE TABLE sessions (
    id TEXT PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL REFERENCES users (id),
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    revoked_at TIMESTAMP
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE login_failures (
    id TEXT PRIMARY KEY NOT NULL,
    mobile TEXT NOT NULL,
    failed_at TIMESTAMP NOT NULL
);
CREATE INDEX login_failures_mobile ON login_failures (mobile, failed_at);

CREATE TABLE audit_log (
    id TEXT PRIMARY KEY NOT NULL,
    actor_id TEXT REFERENCES users (id),
    action TEXT NOT NULL,
    entity_type TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    at TIMESTAMP NOT NULL,
    summary TEXT NOT NULL,
    reason TEXT
);
CREATE INDEX audit_log_entity ON audit_log (entity_type, entity_id);

CREATE TABLE app_meta (
    key TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
);

-- The audit log is append-only.
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

-- GB/T 2260 divisions used by the programme's regions so far.
INSERT INTO regions (code, name_zh, name_en, parent_code, level) VALUES
('110000', '北京市', 'Beijing', NULL, 'province'),
('110100', '北京市市辖区', 'Beijing urban districts', '110000', 'prefecture'),
('110101', '东城区', 'Dongcheng', '110100', 'county'),
('110102', '西城区', 'Xicheng', '110100', 'county'),
('110105', '朝阳区', 'Chaoyang', '110100', 'county'),
('110106', '丰台区', 'Fengtai', '110100', 'county'),
('110108', '海淀区', 'Haidian', '110100', 'county'),
('150000', '内蒙古自治区', 'Inner Mongolia', NULL, 'province'),
('150100', '呼和浩特市', 'Hohhot', '150000', 'prefecture'),
('150102', '新城区', 'Xincheng', '150100', 'county'),
('150103', '回民区', 'Huimin', '150100', 'county'),
('150104', '玉泉区', 'Yuquan', '150100', 'county'),
('150105', '赛罕区', 'Saihan', '150100', 'county'),
('150200', '包头市', 'Baotou', '150000', 'prefecture'),
('150202', '东河区', 'Donghe', '150200', 'county'),
('150203', '昆都仑区', 'Kundulun', '150200', 'county'),
('370000', '山东省', 'Shandong', NULL, 'province'),
('370100', '济南市', 'Jinan', '370000', 'prefecture'),
('370102', '历下区', 'Lixia', '370100', 'county'),
('370103', '市中区', 'Shizhong', '370100', 'county'),
('370200', '青岛市', 'Qingdao', '370000', 'prefecture'),
('370202', '市南区', 'Shinan', '370200', 'county'),
('370203', '市北区', 'Shibei', '370200', 'county'),
('370211', '黄岛区', 'Huangdao', '370200', 'county'),
('370212', '崂山区', 'Laoshan', '370200', 'county'),
('370213', '李沧区', 'Licang', '370200', 'county'),
('430000', '湖南省', 'Hunan', NULL, 'province'),
('430100', '长沙市', 'Changsha', '430000', 'prefecture'),
('430102', '芙蓉区', 'Furong', '430100', 'county'),
('430104', '岳麓区', 'Yuelu', '430100', 'county'),
('440000', '广东省', 'Guangdong', NULL, 'province'),
('440300', '深圳市', 'Shenzhen', '440000', 'prefecture'),
('440304', '福田区', 'Futian', '440300', 'county'),
('440305', '南山区', 'Nanshan', '440300', 'county'),
('450000', '广西壮族自治区', 'Guangxi', NULL, 'province'),
('450300', '桂林市', 'Guilin', '450000', 'prefecture'),
('450302', '秀峰区', 'Xiufeng', '450300', 'county'),
('450305', '七星区', 'Qixing', '450300', 'county');
