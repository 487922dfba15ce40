extends SceneTree

func _init():
	var s = "héllo"
	var chars = []
	for c in s:
		chars.append(c)
	print(chars, " ", chars.size())
	var codes = []
	for i in s.length():
		codes.append(s.ord_at(i))
	print(codes)
	var reversed = ""
	for i in range(s.length() - 1, -1, -1):
		reversed += s[i]
	print(reversed)
	var built = ""
	for word in ["a", "b", "c"]:
		built += word + ","
	print(built, " ", built.rstrip(","))
	print("abc" + str(1) + str(2.5) + str(null) + str(true))
	quit()
