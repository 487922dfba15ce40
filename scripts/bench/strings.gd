extends SceneTree
# String building and formatting: concatenation, `%` formatting, str(), common methods.


func _init():
	var s = ""
	for i in range(100000):
		s += "item %d=%s|" % [i, str(i * 3)]
	var total = 0
	for i in range(100000):
		var line = "%05d-%x-%s" % [i, i, "abc"]
		total += line.length()
		if line.begins_with("0001"):
			total += 1
	var upper = s.substr(0, 5000).to_upper()
	var replaced = s.substr(0, 5000).replace("item", "it")
	print("checksum: ", s.length(), " ", total, " ", upper.length(), " ", replaced.length(), " ", s.find("item 99999="))
	quit()
