extends SceneTree

func _init():
	var samples = ["12", "-12", "+12", "1.5", "1e5", "abc", "", " 1", "0x1F", "1_000", "007", ".5", "5."]
	for s in samples:
		print("[", s, "] int:", s.is_valid_integer(), " float:", s.is_valid_float(), " hex:", s.is_valid_hex_number(), " id:", s.is_valid_identifier())
	print("192.168.0.1".is_valid_ip_address(), " ", "300.1.1.1".is_valid_ip_address())
	print("#ff0000".is_valid_html_color(), " ", "zz".is_valid_html_color())
	print("_name1".is_valid_identifier())
	quit()
